// SPDX-License-Identifier: BSD-2-Clause
// `profiles list|show|import`: the profiles in the settings, and imports of misp2sentinel setups.
#include "app/cli/cliargs.h"
#include "app/cli/clioutput.h"
#include "app/cli/clirun.h"
#include "app/cli/clisecrets.h"
#include "app/cli/commandregistry.h"
#include "app/cli/keyvaultimport.h"
#include "app/cli/profilejson.h"
#include "core/config/import/appsettingsimport.h"
#include "core/config/import/configpyimport.h"
#include "core/config/import/tenantsimport.h"
#include "core/config/profilestore.h"
#include "core/secrets/secretkeys.h"
#include "core/sentinel/cloud.h"

#include <QCoreApplication>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QObject>
#include <QSettings>
#include <QTextStream>
#include <QUrl>

#include <cstdio>

using namespace Qt::Literals::StringLiterals;

namespace msb::cli {
namespace {

QString sourceText(const config::Profile &p)
{
    if (p.misp.kind == config::MispSettings::Kind::Feed)
        return u"feed "_s + (p.misp.feedPath.isEmpty() ? p.misp.url.toString() : p.misp.feedPath);
    return p.misp.url.toString();
}

int listProfiles(const QStringList &args)
{
    CommandLine cl(u"profiles list"_s, QObject::tr("List the profiles (the default one is marked with *)."), OptJson);
    if (auto code = cl.parse(args))
        return *code;
    Output out(cl.common().json, true);
    auto settings = openSettings();
    config::ProfileStore store(*settings);
    const QString def = store.defaultProfile();
    QJsonArray array;
    QList<QStringList> rows;
    for (const QString &name : store.profileNames()) {
        Result<config::Profile> p = store.load(name);
        if (!p.ok()) {
            out.warning(QObject::tr("profile \"%1\" cannot be read: %2").arg(name, p.error().message));
            continue;
        }
        array.append(QJsonObject { { u"name"_s, name },
            { u"default"_s, name == def },
            { u"source"_s, sourceText(p.value()) },
            { u"targets"_s, int(p.value().targets.size()) } });
        rows << QStringList {
            (name == def ? u"* "_s : u"  "_s) + name, sourceText(p.value()), QString::number(p.value().targets.size())
        };
    }
    if (out.json()) {
        out.document(QJsonObject { { u"profiles"_s, array }, { u"default"_s, def } });
    } else if (rows.isEmpty()) {
        out.text(
            QObject::tr("No profiles. Create one with the setup wizard or 'misp-sentinel-bridge profiles import'."));
    } else {
        for (const QString &line : Output::table({ u"  PROFILE"_s, u"SOURCE"_s, u"TARGETS"_s }, rows))
            out.text(line);
    }
    return Success;
}

int showProfile(const QStringList &args)
{
    CommandLine cl(u"profiles show"_s,
        QObject::tr("Show one profile: source, filters, targets and policy. Never a secret."),
        OptJson | OptProfile);
    cl.addPositional(
        u"name"_s, u"Profile name (default: --profile, $MSB_PROFILE or the default profile)."_s, u"[name]"_s);
    if (auto code = cl.parse(args))
        return *code;
    Output out(cl.common().json, true);
    const QString name = cl.positional().value(0, cl.common().profile);
    Result<config::Profile> p = resolveProfile(name);
    if (!p.ok()) {
        out.error(p.error().message);
        return exitCodeFor(p.error());
    }
    const config::Profile &profile = p.value();
    if (out.json()) {
        out.document(profileToJson(profile));
        return Success;
    }
    out.text(QObject::tr("Profile: %1").arg(profile.name));
    out.text(QObject::tr("Source:  %1").arg(sourceText(profile)));
    if (!profile.misp.caFile.isEmpty())
        out.text(QObject::tr("CA file: %1").arg(profile.misp.caFile));
    if (!profile.misp.pinnedSha256Hex.isEmpty())
        out.text(QObject::tr("Pinned certificate SHA-256: %1").arg(QString::fromLatin1(profile.misp.pinnedSha256Hex)));
    out.text(QObject::tr("Filters: %1")
                 .arg(QString::fromUtf8(QJsonDocument(profile.misp.eventFilters).toJson(QJsonDocument::Compact))));
    out.text(QObject::tr("Page size %1, timeout %2 s").arg(profile.misp.pageSize).arg(profile.misp.timeoutSeconds));
    QList<QStringList> rows;
    for (const config::TargetSettings &t : profile.targets) {
        rows << QStringList { t.displayName,
            config::cloudName(t.cloud),
            t.tenantId,
            t.clientId,
            t.workspaceId,
            config::apiKindName(t.apiKind),
            t.sourceSystem };
    }
    out.text(QString());
    for (const QString &line : Output::table(
             { u"TARGET"_s, u"CLOUD"_s, u"TENANT"_s, u"CLIENT"_s, u"WORKSPACE"_s, u"API"_s, u"SOURCESYSTEM"_s }, rows))
        out.text(line);
    const QList<config::ValidationIssue> issues = config::validateProfile(profile);
    for (const config::ValidationIssue &i : issues)
        out.warning(i.message);
    return issues.isEmpty() ? Success : ConfigurationError;
}

/// Writes the secrets of an import one after the other (keychain jobs are asynchronous).
Status writeSecrets(secrets::SecretStore &store, const QList<config::PendingSecret> &pending)
{
    Status result = Done {};
    QObject context;
    qsizetype index = 0;
    bool done = pending.isEmpty();
    std::function<void()> next = [&]() {
        if (index >= pending.size()) {
            done = true;
            QCoreApplication::exit(0);
            return;
        }
        const config::PendingSecret &s = pending.at(index++);
        store.write(s.key, s.value, &context, [&, what = s.what](Status st) {
            if (!st.ok()) {
                result = Error { st.error().code, u"Could not store the %1: %2"_s.arg(what, st.error().message) };
                done = true;
                QCoreApplication::exit(0);
                return;
            }
            next();
        });
    };
    next();
    while (!done)
        QCoreApplication::exec();
    return result;
}

int importProfile(const QStringList &args)
{
    CommandLine cl(u"profiles import"_s,
        QObject::tr("Create or update a profile from a misp2sentinel setup or a profile JSON. Secrets found go "
                    "straight to the keychain (or are reported when MSB_SECRETS=env)."),
        OptJson | OptSecrets);
    QCommandLineParser &p = cl.parser();
    p.addOption({ u"name"_s, QObject::tr("Name of the profile to create or update (required)."), u"name"_s });
    p.addOption({ u"tenants"_s, QObject::tr("misp2sentinel `tenants` JSON file (array or the old dict)."), u"file"_s });
    p.addOption({ u"app-settings"_s,
        QObject::tr("Azure Function app settings (az functionapp config appsettings list)."),
        u"file"_s });
    p.addOption(
        { u"config-py"_s, QObject::tr("misp2sentinel config.py (read as literals, never executed)."), u"file"_s });
    p.addOption({ u"profile-json"_s, QObject::tr("A profile as printed by 'profiles show --json'."), u"file"_s });
    p.addOption({ u"misp-url"_s,
        QObject::tr("MISP base URL of the profile (a tenants file has none; overrides the imported one)."),
        u"url"_s });
    p.addOption({ u"key-vault"_s,
        QObject::tr("Read misp2sentinel's secrets \"tenants\", \"MISP-Key\" and \"ClientSecret\" from this Azure "
                    "Key Vault (name, e.g. kv-m2s) with the app given by --tenant-id and --client-id. The app's client "
                    "secret comes from the environment (MSB_CLIENT_SECRET_<TENANT>_<CLIENT> or MSB_CLIENT_SECRET, "
                    "also as NAME=VALUE on stdin with --secrets-from-stdin) or the keychain, never from an option. "
                    "The app needs the role \"Key Vault Secrets User\" (or \"Get\" in the access policy)."),
        u"vault"_s });
    p.addOption({ u"tenant-id"_s,
        QObject::tr("--key-vault: tenant (directory) id of the app that reads the vault."),
        u"guid"_s });
    p.addOption({ u"client-id"_s,
        QObject::tr("--key-vault: client (application) id of the app that reads the vault."),
        u"guid"_s });
    p.addOption({ u"cloud"_s,
        QObject::tr("--key-vault: azure-public (default, *.vault.azure.net) or azure-us-government "
                    "(*.vault.usgovcloudapi.net); also set on the imported targets."),
        u"cloud"_s });
    p.addOption({ u"kv-tenants-name"_s,
        QObject::tr("--key-vault: name of the tenants secret (default \"tenants\"; empty: skip)."),
        u"name"_s });
    p.addOption({ u"kv-misp-name"_s,
        QObject::tr("--key-vault: name of the MISP key secret (default \"MISP-Key\"; empty: skip)."),
        u"name"_s });
    p.addOption({ u"kv-client-name"_s,
        QObject::tr("--key-vault: name of the single-tenant client secret (default \"ClientSecret\"; empty: skip); "
                    "stored as the secret of the app given by --client-id."),
        u"name"_s });
    p.addOption({ u"key-vault-host"_s,
        QObject::tr("--key-vault: vault address instead of https://<vault>.vault.azure.net (private endpoint, "
                    "proxy or a local sandbox)."),
        u"url"_s });
    p.addOption({ u"authority-host"_s,
        QObject::tr("--key-vault: Entra ID address instead of the cloud's (proxy or a local sandbox)."),
        u"url"_s });
    p.addOption({ u"ca-file"_s,
        QObject::tr("--key-vault: extra CA certificates (PEM) to trust for the vault and Entra ID; "
                    "verification stays on."),
        u"file"_s });
    p.addOption({ u"set-default"_s, QObject::tr("Make it the default profile.") });
    if (auto code = cl.parse(args))
        return *code;
    Output out(cl.common().json, true);
    const QString name = cl.value(u"name"_s);
    if (name.isEmpty())
        return cl.usageError(QObject::tr("--name is required"));
    const QStringList sources { u"tenants"_s, u"app-settings"_s, u"config-py"_s, u"profile-json"_s, u"key-vault"_s };
    QString source;
    for (const QString &s : sources) {
        if (cl.isSet(s)) {
            if (!source.isEmpty())
                return cl.usageError(QObject::tr(
                    "give only one of --tenants, --app-settings, --config-py, --profile-json, --key-vault"));
            source = s;
        }
    }
    if (source.isEmpty())
        return cl.usageError(
            QObject::tr("give one of --tenants, --app-settings, --config-py, --profile-json, --key-vault"));
    const QString path = cl.value(source);
    QByteArray bytes;
    // One secret store for the whole import: --secrets-from-stdin can be read only once.
    std::unique_ptr<CliSecretStore> keyVaultStore;
    if (source != u"key-vault"_s) {
        QFile file(path);
        if (!file.open(QIODevice::ReadOnly)) {
            out.error(QObject::tr("cannot read %1: %2").arg(path, file.errorString()));
            return InputError;
        }
        bytes = file.read(16 * 1024 * 1024);
    }

    config::ImportResult imported;
    if (source == u"key-vault"_s) {
        KeyVaultImportRequest request;
        request.vault.vaultName = path;
        request.vault.tenantId = cl.value(u"tenant-id"_s).trimmed();
        request.vault.clientId = cl.value(u"client-id"_s).trimmed();
        if (request.vault.tenantId.isEmpty() || request.vault.clientId.isEmpty())
            return cl.usageError(QObject::tr("--key-vault needs --tenant-id and --client-id of the app that reads it"));
        if (cl.isSet(u"cloud"_s) && !sentinel::cloudFromName(cl.value(u"cloud"_s), &request.vault.cloud))
            return cl.usageError(QObject::tr("--cloud must be azure-public or azure-us-government"));
        request.vault.vaultHostOverride = cl.value(u"key-vault-host"_s);
        request.vault.authorityHostOverride = cl.value(u"authority-host"_s);
        request.vault.tls.caFile = cl.value(u"ca-file"_s);
        if (cl.isSet(u"kv-tenants-name"_s))
            request.tenantsSecret = cl.value(u"kv-tenants-name"_s);
        if (cl.isSet(u"kv-misp-name"_s))
            request.mispKeySecret = cl.value(u"kv-misp-name"_s);
        if (cl.isSet(u"kv-client-name"_s))
            request.clientSecretSecret = cl.value(u"kv-client-name"_s);
        Result<std::unique_ptr<CliSecretStore>> secretStore = makeCliSecretStore(cl.common().secretsFromStdin);
        if (!secretStore.ok()) {
            out.error(secretStore.error().message);
            return ConfigurationError;
        }
        keyVaultStore = std::move(secretStore).value();
        Result<config::ImportResult> fromVault = importFromKeyVault(request, *keyVaultStore, name);
        if (!fromVault.ok()) {
            out.error(QObject::tr("Key Vault import failed: %1").arg(fromVault.error().message));
            return exitCodeFor(fromVault.error());
        }
        imported = std::move(fromVault).value();
    } else if (source == u"tenants"_s) {
        imported = config::importTenants(bytes, name);
    } else if (source == u"app-settings"_s) {
        imported = config::importAppSettings(bytes, name);
    } else if (source == u"config-py"_s) {
        imported = config::importConfigPy(QString::fromUtf8(bytes), name);
    } else {
        QJsonParseError parseError;
        const QJsonDocument doc = QJsonDocument::fromJson(bytes, &parseError);
        if (!doc.isObject()) {
            out.error(QObject::tr("%1 is not a profile JSON object: %2").arg(path, parseError.errorString()));
            return InputError;
        }
        Result<config::Profile> profile = profileFromJson(doc.object());
        if (!profile.ok()) {
            out.error(QObject::tr("%1: %2").arg(path, profile.error().message));
            return InputError;
        }
        imported.profile = profile.value();
        imported.profile.name = name;
    }
    imported.profile.name = name;
    if (cl.isSet(u"misp-url"_s)) {
        const QUrl url(cl.value(u"misp-url"_s), QUrl::StrictMode);
        if (!url.isValid() || url.host().isEmpty())
            return cl.usageError(QObject::tr("--misp-url needs a URL like https://misp.example.org"));
        imported.profile.misp.kind = config::MispSettings::Kind::Server;
        imported.profile.misp.url = url;
    }

    auto settings = openSettings();
    config::ProfileStore store(*settings);
    // Importing tenants or app settings into an existing profile keeps what the file does not say.
    if (store.contains(name) && source != u"profile-json"_s) {
        Result<config::Profile> existing = store.load(name);
        if (existing.ok()) {
            config::Profile merged = existing.value();
            if (!imported.profile.targets.isEmpty())
                merged.targets = imported.profile.targets;
            if (!imported.profile.misp.url.isEmpty())
                merged.misp.url = imported.profile.misp.url;
            if (!imported.profile.misp.eventFilters.isEmpty())
                merged.misp.eventFilters = imported.profile.misp.eventFilters;
            imported.profile = merged;
        }
    }
    const Status saved = store.save(imported.profile);
    if (!saved.ok()) {
        out.error(saved.error().message);
        if (imported.profile.misp.url.isEmpty() && imported.profile.misp.feedPath.isEmpty())
            out.error(QObject::tr("give the MISP URL with --misp-url (a tenants file does not have it)"));
        for (const QString &note : std::as_const(imported.notes))
            out.warning(note);
        return ConfigurationError;
    }
    if (cl.isSet(u"set-default"_s) || store.profileNames().size() == 1)
        store.setDefaultProfile(name);
    settings->sync();

    QStringList stored;
    Status secretsStatus = Done {};
    if (!imported.secrets.isEmpty() && keyVaultStore) {
        secretsStatus = writeSecrets(*keyVaultStore, imported.secrets);
        if (secretsStatus.ok()) {
            for (const config::PendingSecret &s : std::as_const(imported.secrets))
                stored << s.what;
        }
    } else if (!imported.secrets.isEmpty()) {
        Result<std::unique_ptr<CliSecretStore>> secretStore = makeCliSecretStore(cl.common().secretsFromStdin);
        if (!secretStore.ok()) {
            secretsStatus = secretStore.error();
        } else {
            secretsStatus = writeSecrets(*secretStore.value(), imported.secrets);
            if (secretsStatus.ok()) {
                for (const config::PendingSecret &s : std::as_const(imported.secrets))
                    stored << s.what;
            }
        }
    }
    QJsonArray notes;
    for (const QString &n : std::as_const(imported.notes))
        notes.append(n);
    QJsonArray vault;
    for (const config::KeyVaultReference &r : std::as_const(imported.vaultReferences))
        vault.append(
            QJsonObject { { u"setting"_s, r.setting }, { u"vault"_s, r.vaultName }, { u"secret"_s, r.secretName } });
    if (out.json()) {
        QJsonObject o { { u"profile"_s, profileToJson(imported.profile) },
            { u"notes"_s, notes },
            { u"keyVaultReferences"_s, vault },
            { u"secretsStored"_s, QJsonArray::fromStringList(stored) } };
        if (!secretsStatus.ok())
            o.insert(u"secretsError"_s, errorToJson(secretsStatus.error()));
        out.document(o);
    } else {
        out.text(QObject::tr("Profile \"%1\" saved: %2 target(s), source %3.")
                     .arg(name)
                     .arg(imported.profile.targets.size())
                     .arg(sourceText(imported.profile)));
        for (const QString &n : std::as_const(imported.notes))
            out.text(QObject::tr("  note: ") + n);
        for (const config::KeyVaultReference &r : std::as_const(imported.vaultReferences))
            out.text(
                QObject::tr("  Key Vault: setting %1 refers to secret \"%2\" in vault %3; fetch it and store it with "
                            "the wizard, or provide it through the environment.")
                    .arg(r.setting, r.secretName, r.vaultName));
        if (!stored.isEmpty())
            out.text(QObject::tr("  stored in the keychain: %1").arg(stored.join(u", "_s)));
    }
    if (!secretsStatus.ok()) {
        out.error(secretsStatus.error().message);
        return ConfigurationError;
    }
    const QList<config::ValidationIssue> issues = config::validateProfile(imported.profile);
    for (const config::ValidationIssue &i : issues)
        out.warning(i.message);
    return Success;
}

int runProfiles(const QStringList &args)
{
    const QString sub = args.value(0);
    if (sub == u"list"_s)
        return listProfiles(args.mid(1));
    if (sub == u"show"_s)
        return showProfile(args.mid(1));
    if (sub == u"import"_s)
        return importProfile(args.mid(1));
    QTextStream s(sub == u"--help"_s || sub == u"-h"_s ? stdout : stderr);
    if (!sub.isEmpty() && sub != u"--help"_s && sub != u"-h"_s)
        s << "misp-sentinel-bridge profiles: unknown subcommand '" << sub << "'\n";
    s << "Usage: misp-sentinel-bridge profiles list|show|import [options]\n\n"
      << "  list     the profiles (default marked with *)\n"
      << "  show     one profile, never a secret\n"
      << "  import   create or update a profile from tenants JSON, app settings, config.py, profile JSON\n"
      << "           or the secrets of a misp2sentinel Azure Key Vault (--key-vault)\n\n"
      << "Run 'misp-sentinel-bridge profiles <subcommand> --help' for the options.\n";
    return (sub == u"--help"_s || sub == u"-h"_s) ? Success : UsageError;
}

const CommandRegistration registration { { u"profiles"_s, QObject::tr("list, show or import profiles"), runProfiles } };

} // namespace
} // namespace msb::cli
