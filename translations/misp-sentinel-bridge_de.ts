<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="de_DE" sourcelanguage="en">
<context>
    <name>QObject</name>
    <message>
        <location filename="../app/cli/clirun.cpp" line="+73"/>
        <source>Profile &quot;env&quot; needs the variables mispurl and tenants (misp2sentinel&apos;s names).</source>
        <translation>Profil „env“ braucht die Variablen mispurl und tenants (die Namen aus misp2sentinel).</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>There is no profile yet. Create one with the setup wizard (start misp-sentinel-bridge without arguments) or &apos;misp-sentinel-bridge profiles import&apos;, or set mispurl and tenants for the environment profile.</source>
        <translation>Es gibt noch kein Profil. Legen Sie eines mit dem Einrichtungsassistenten an (misp-sentinel-bridge ohne Argumente starten) oder mit „misp-sentinel-bridge profiles import“, oder setzen Sie mispurl und tenants für das Umgebungsprofil.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Several profiles and none is the default: choose one with --profile (%1).</source>
        <translation>Mehrere Profile und keines ist das Standardprofil: wählen Sie eines mit --profile (%1).</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>There is no profile &quot;%1&quot; (profiles: %2).</source>
        <translation>Es gibt kein Profil „%1“ (Profile: %2).</translation>
    </message>
    <message>
        <location line="+1"/>
        <location filename="../core/sync/syncjob.cpp" line="+172"/>
        <source>none</source>
        <translation>keine</translation>
    </message>
    <message>
        <location line="+47"/>
        <source>source: %1 page(s), %2 event(s)</source>
        <translation>Quelle: %1 Seite(n), %2 Event(s)</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>cancelling (unacknowledged objects are re-sent by the next run)…</source>
        <translation>wird abgebrochen (unbestätigte Objekte sendet der nächste Lauf erneut)…</translation>
    </message>
    <message>
        <location line="+85"/>
        <source>source page %1 is missing from this run: %2</source>
        <translation>Quellseite %1 fehlt in diesem Lauf: %2</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>source stopped early: %1</source>
        <translation>Quelle hat vorzeitig aufgehört: %1</translation>
    </message>
    <message numerus="yes">
        <location line="+4"/>
        <source>%n problem(s) in the MISP data (each is in the log file and in --json).</source>
        <translation>
            <numerusform>%n Problem in den MISP-Daten (jedes steht in der Protokolldatei und in --json).</numerusform>
            <numerusform>%n Probleme in den MISP-Daten (jedes steht in der Protokolldatei und in --json).</numerusform>
        </translation>
    </message>
    <message>
        <location line="+7"/>
        <source>details: %1</source>
        <translation>Details: %1</translation>
    </message>
    <message>
        <location filename="../core/sync/syncjob.cpp" line="-1"/>
        <source>Profile &quot;%1&quot; has no target &quot;%2&quot; (its targets: %3).</source>
        <translation>Profil „%1“ hat kein Ziel „%2“ (seine Ziele: %3).</translation>
    </message>
    <message>
        <location filename="../app/cli/checkcommand.cpp" line="+19"/>
        <source>Test the MISP connection (version, user, organisation, role) and get a token for every Sentinel target. Says in plain words what is wrong.</source>
        <translation>Testet die MISP-Verbindung (Version, Benutzer, Organisation, Rolle) und holt ein Token für jedes Sentinel-Ziel. Sagt in klaren Worten, was nicht stimmt.</translation>
    </message>
    <message>
        <location line="+66"/>
        <source>         note: </source>
        <translation>      Hinweis: </translation>
    </message>
    <message>
        <location line="+2"/>
        <source>MISP     FAIL %1</source>
        <translation>MISP     FAIL %1</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>MISP     OK   feed %1</source>
        <translation>MISP     OK   Feed %1</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>TARGET   FAIL </source>
        <translation>ZIEL     FAIL </translation>
    </message>
    <message>
        <location line="+5"/>
        <source>test MISP and every Sentinel target, say what is wrong</source>
        <translation>MISP und jedes Sentinel-Ziel testen, sagen, was nicht stimmt</translation>
    </message>
    <message>
        <location filename="../app/cli/cliargs.cpp" line="+21"/>
        <source>Print machine-readable JSON on stdout.</source>
        <translation>Maschinenlesbares JSON auf stdout ausgeben.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>No progress on stderr.</source>
        <translation>Kein Fortschritt auf stderr.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Profile to use (default: $MSB_PROFILE, else the default profile, else the only one).</source>
        <translation>Zu verwendendes Profil (Vorgabe: $MSB_PROFILE, sonst das Standardprofil, sonst das einzige).</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Only this target (display name or workspace id); repeat for several.</source>
        <translation>Nur dieses Ziel (Anzeigename oder Workspace-ID); für mehrere wiederholen.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Read secrets as NAME=VALUE lines from stdin (never put secrets on the command line); names as in the environment provider (see README).</source>
        <translation>Geheimnisse als Zeilen NAME=WERT von stdin lesen (Geheimnisse nie auf die Befehlszeile schreiben); Namen wie beim Umgebungsanbieter (siehe README).</translation>
    </message>
    <message>
        <location filename="../app/cli/exportcommand.cpp" line="+18"/>
        <source>Fetch and convert the profile&apos;s source and write the STIX 2.1 objects as one bundle file.</source>
        <translation>Die Quelle des Profils abrufen und konvertieren und die STIX-2.1-Objekte als eine Bundle-Datei schreiben.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Output format; only stix-bundle.</source>
        <translation>Ausgabeformat; nur stix-bundle.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>File to write (required).</source>
        <translation>Zu schreibende Datei (erforderlich).</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>unknown --format &apos;%1&apos; (supported: stix-bundle)</source>
        <translation>unbekanntes --format „%1“ (unterstützt: stix-bundle)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>--out FILE is required</source>
        <translation>--out DATEI ist erforderlich</translation>
    </message>
    <message>
        <location line="+22"/>
        <source>Wrote %1 STIX object(s) to %2 (%3 attribute(s) dropped in conversion).</source>
        <translation>%1 STIX-Objekt(e) nach %2 geschrieben (%3 Attribut(e) bei der Konvertierung verworfen).</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>write the converted source as a STIX 2.1 bundle</source>
        <translation>die konvertierte Quelle als STIX-2.1-Bundle schreiben</translation>
    </message>
    <message>
        <location filename="../app/cli/fetchcommand.cpp" line="+19"/>
        <source>Fetch the events the profile&apos;s filters select (MISP REST or feed), convert them, and list them with attribute counts and the conversion outcome.</source>
        <translation>Die von den Filtern des Profils gewählten Events abrufen (MISP-REST oder Feed), konvertieren und mit Attributzahlen und Konvertierungsergebnis auflisten.</translation>
    </message>
    <message>
        <location line="+64"/>
        <source>fetch and convert from MISP, list the events</source>
        <translation>aus MISP abrufen und konvertieren, die Events auflisten</translation>
    </message>
    <message>
        <location filename="../app/cli/historycommand.cpp" line="+23"/>
        <source>At most this many runs (default 20).</source>
        <translation>Höchstens so viele Läufe (Vorgabe 20).</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>--limit must be a number from 1 to 100000</source>
        <translation>--limit muss eine Zahl von 1 bis 100000 sein</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>cannot open the ledger %1: %2</source>
        <translation>das Journal %1 kann nicht geöffnet werden: %2</translation>
    </message>
    <message>
        <location line="+49"/>
        <source>No sync runs recorded yet.</source>
        <translation>Noch keine Synchronisationsläufe aufgezeichnet.</translation>
    </message>
    <message>
        <location line="+48"/>
        <source>past sync runs with their counts</source>
        <translation>vergangene Synchronisationsläufe mit ihren Zahlen</translation>
    </message>
    <message>
        <location filename="../app/cli/planoutput.cpp" line="+84"/>
        <source>  %1: %2 × %3</source>
        <translation>  %1: %2 × %3</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>
Dropped during conversion (%1 attribute(s), same for every target):</source>
        <translation>
Bei der Konvertierung verworfen (%1 Attribut(e), für jedes Ziel gleich):</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>  %1 × %2</source>
        <translation>  %1 × %2</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>
%1:</source>
        <translation>
%1:</translation>
    </message>
    <message>
        <location line="+6"/>
        <location line="+8"/>
        <source>  </source>
        <translation>  </translation>
    </message>
    <message>
        <location line="-5"/>
        <source>
Dropped attributes:</source>
        <translation>
Verworfene Attribute:</translation>
    </message>
    <message>
        <location filename="../app/cli/previewcommand.cpp" line="+20"/>
        <source>Fetch, convert and plan every target against the ledger: what would be sent (new), changed, left unchanged, revoked and dropped or filtered, with the reasons. Sends nothing and needs no Sentinel secret.</source>
        <translation>Abrufen, konvertieren und jedes Ziel gegen das Journal planen: was gesendet (neu), geändert, unverändert gelassen, widerrufen und verworfen oder gefiltert würde, mit den Gründen. Sendet nichts und braucht kein Sentinel-Geheimnis.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>List every planned object and every dropped attribute.</source>
        <translation>Jedes geplante Objekt und jedes verworfene Attribut auflisten.</translation>
    </message>
    <message>
        <location line="+37"/>
        <source>%1 event(s) → %2 STIX object(s); %3 attribute(s) dropped in conversion.
</source>
        <translation>%1 Event(s) → %2 STIX-Objekt(e); %3 Attribut(e) bei der Konvertierung verworfen.
</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>what a sync would send, change, revoke and drop per target</source>
        <translation>was eine Synchronisation pro Ziel senden, ändern, widerrufen und verwerfen würde</translation>
    </message>
    <message>
        <location filename="../app/cli/profilescommand.cpp" line="+42"/>
        <source>List the profiles (the default one is marked with *).</source>
        <translation>Die Profile auflisten (das Standardprofil ist mit * markiert).</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>profile &quot;%1&quot; cannot be read: %2</source>
        <translation>Profil „%1“ kann nicht gelesen werden: %2</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>No profiles. Create one with the setup wizard or &apos;misp-sentinel-bridge profiles import&apos;.</source>
        <translation>Keine Profile. Legen Sie eines mit dem Einrichtungsassistenten oder mit „misp-sentinel-bridge profiles import“ an.</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Show one profile: source, filters, targets and policy. Never a secret.</source>
        <translation>Ein Profil zeigen: Quelle, Filter, Ziele und Richtlinie. Nie ein Geheimnis.</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>Profile: %1</source>
        <translation>Profil: %1</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Source:  %1</source>
        <translation>Quelle:  %1</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>CA file: %1</source>
        <translation>CA-Datei: %1</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Pinned certificate SHA-256: %1</source>
        <translation>SHA-256 des gepinnten Zertifikats: %1</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Filters: %1</source>
        <translation>Filter: %1</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Page size %1, timeout %2 s</source>
        <translation>Seitengröße %1, Zeitlimit %2 s</translation>
    </message>
    <message>
        <location line="+54"/>
        <source>Create or update a profile from a misp2sentinel setup or a profile JSON. Secrets found go straight to the keychain (or are reported when MSB_SECRETS=env).</source>
        <translation>Ein Profil aus einer misp2sentinel-Einrichtung oder einem Profil-JSON anlegen oder aktualisieren. Gefundene Geheimnisse kommen direkt in den Schlüsselbund (oder werden bei MSB_SECRETS=env gemeldet).</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Name of the profile to create or update (required).</source>
        <translation>Name des anzulegenden oder zu aktualisierenden Profils (erforderlich).</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>misp2sentinel `tenants` JSON file (array or the old dict).</source>
        <translation>misp2sentinel-JSON-Datei `tenants` (Array oder das alte Dict).</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Azure Function app settings (az functionapp config appsettings list).</source>
        <translation>App-Einstellungen der Azure Function (az functionapp config appsettings list).</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>misp2sentinel config.py (read as literals, never executed).</source>
        <translation>misp2sentinel-config.py (als Literale gelesen, nie ausgeführt).</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>A profile as printed by &apos;profiles show --json&apos;.</source>
        <translation>Ein Profil, wie es „profiles show --json“ ausgibt.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>MISP base URL of the profile (a tenants file has none; overrides the imported one).</source>
        <translation>MISP-Basis-URL des Profils (eine tenants-Datei hat keine; ersetzt die importierte).</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Read misp2sentinel&apos;s secrets &quot;tenants&quot;, &quot;MISP-Key&quot; and &quot;ClientSecret&quot; from this Azure Key Vault (name, e.g. kv-m2s) with the app given by --tenant-id and --client-id. The app&apos;s client secret comes from the environment (MSB_CLIENT_SECRET_&lt;TENANT&gt;_&lt;CLIENT&gt; or MSB_CLIENT_SECRET, also as NAME=VALUE on stdin with --secrets-from-stdin) or the keychain, never from an option. The app needs the role &quot;Key Vault Secrets User&quot; (or &quot;Get&quot; in the access policy).</source>
        <translation>Liest die Geheimnisse „tenants“, „MISP-Key“ und „ClientSecret“ von misp2sentinel aus diesem Azure Key Vault (Name, z. B. kv-m2s) mit der App aus --tenant-id und --client-id. Der geheime Clientschlüssel der App kommt aus der Umgebung (MSB_CLIENT_SECRET_&lt;TENANT&gt;_&lt;CLIENT&gt; oder MSB_CLIENT_SECRET, auch als NAME=WERT auf stdin mit --secrets-from-stdin) oder aus dem Schlüsselbund, nie aus einer Option. Die App braucht die Rolle „Key Vault Secrets User“ (oder „Get“ in der Zugriffsrichtlinie).</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>--key-vault: tenant (directory) id of the app that reads the vault.</source>
        <translation>--key-vault: Mandanten-(Verzeichnis-)ID der App, die den Vault liest.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>--key-vault: client (application) id of the app that reads the vault.</source>
        <translation>--key-vault: Client-(Anwendungs-)ID der App, die den Vault liest.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>--key-vault: azure-public (default, *.vault.azure.net) or azure-us-government (*.vault.usgovcloudapi.net); also set on the imported targets.</source>
        <translation>--key-vault: azure-public (Standard, *.vault.azure.net) oder azure-us-government (*.vault.usgovcloudapi.net); wird auch für die importierten Ziele gesetzt.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>--key-vault: name of the tenants secret (default &quot;tenants&quot;; empty: skip).</source>
        <translation>--key-vault: Name des tenants-Geheimnisses (Standard „tenants“; leer: überspringen).</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>--key-vault: name of the MISP key secret (default &quot;MISP-Key&quot;; empty: skip).</source>
        <translation>--key-vault: Name des Geheimnisses mit dem MISP-Schlüssel (Standard „MISP-Key“; leer: überspringen).</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>--key-vault: name of the single-tenant client secret (default &quot;ClientSecret&quot;; empty: skip); stored as the secret of the app given by --client-id.</source>
        <translation>--key-vault: Name des geheimen Clientschlüssels für einen einzelnen Mandanten (Standard „ClientSecret“; leer: überspringen); wird als Geheimnis der App aus --client-id gespeichert.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>--key-vault: vault address instead of https://&lt;vault&gt;.vault.azure.net (private endpoint, proxy or a local sandbox).</source>
        <translation>--key-vault: Vault-Adresse statt https://&lt;vault&gt;.vault.azure.net (privater Endpunkt, Proxy oder lokale Sandbox).</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>--key-vault: Entra ID address instead of the cloud&apos;s (proxy or a local sandbox).</source>
        <translation>--key-vault: Entra-ID-Adresse statt der der Cloud (Proxy oder lokale Sandbox).</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>--key-vault: extra CA certificates (PEM) to trust for the vault and Entra ID; verification stays on.</source>
        <translation>--key-vault: zusätzliche CA-Zertifikate (PEM), denen für den Vault und Entra ID vertraut wird; die Prüfung bleibt eingeschaltet.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Make it the default profile.</source>
        <translation>Zum Standardprofil machen.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>--name is required</source>
        <translation>--name ist erforderlich</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>give only one of --tenants, --app-settings, --config-py, --profile-json, --key-vault</source>
        <translation>nur eines von --tenants, --app-settings, --config-py, --profile-json, --key-vault angeben</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>give one of --tenants, --app-settings, --config-py, --profile-json, --key-vault</source>
        <translation>eines von --tenants, --app-settings, --config-py, --profile-json, --key-vault angeben</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>cannot read %1: %2</source>
        <translation>%1 kann nicht gelesen werden: %2</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>--key-vault needs --tenant-id and --client-id of the app that reads it</source>
        <translation>--key-vault braucht --tenant-id und --client-id der App, die den Vault liest</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>--cloud must be azure-public or azure-us-government</source>
        <translation>--cloud muss azure-public oder azure-us-government sein</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>Key Vault import failed: %1</source>
        <translation>Import aus dem Key Vault fehlgeschlagen: %1</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>%1 is not a profile JSON object: %2</source>
        <translation>%1 ist kein Profil-JSON-Objekt: %2</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>--misp-url needs a URL like https://misp.example.org</source>
        <translation>--misp-url braucht eine URL wie https://misp.example.org</translation>
    </message>
    <message>
        <location line="+25"/>
        <source>give the MISP URL with --misp-url (a tenants file does not have it)</source>
        <translation>geben Sie die MISP-URL mit --misp-url an (eine tenants-Datei enthält sie nicht)</translation>
    </message>
    <message>
        <location line="+45"/>
        <source>Profile &quot;%1&quot; saved: %2 target(s), source %3.</source>
        <translation>Profil „%1“ gespeichert: %2 Ziel(e), Quelle %3.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>  note: </source>
        <translation>  Hinweis: </translation>
    </message>
    <message>
        <location line="+3"/>
        <source>  Key Vault: setting %1 refers to secret &quot;%2&quot; in vault %3; fetch it and store it with the wizard, or provide it through the environment.</source>
        <translation>  Key Vault: Einstellung %1 verweist auf das Geheimnis „%2“ im Vault %3; holen Sie es und speichern Sie es mit dem Assistenten, oder übergeben Sie es über die Umgebung.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>  stored in the keychain: %1</source>
        <translation>  im Schlüsselbund gespeichert: %1</translation>
    </message>
    <message>
        <location line="+33"/>
        <source>list, show or import profiles</source>
        <translation>Profile auflisten, zeigen oder importieren</translation>
    </message>
    <message>
        <location filename="../app/cli/synccommand.cpp" line="+40"/>
        <source>Fetch from MISP, convert, and upload what is new or changed to every target (incremental: the ledger remembers what each workspace has; indicators gone from MISP are revoked). --dry-run plans and prints only.</source>
        <translation>Aus MISP abrufen, konvertieren und Neues oder Geändertes zu jedem Ziel hochladen (inkrementell: das Journal merkt sich, was jeder Workspace hat; aus MISP verschwundene Indikatoren werden widerrufen). --dry-run plant und gibt nur aus.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Plan only: print what would be sent, changed and revoked; send nothing.</source>
        <translation>Nur planen: ausgeben, was gesendet, geändert und widerrufen würde; nichts senden.</translation>
    </message>
    <message>
        <location line="+43"/>
        <source>Profile %1: %2 event(s), %3 STIX object(s) from %4 attribute(s); %5 dropped in conversion.</source>
        <translation>Profil %1: %2 Event(s), %3 STIX-Objekt(e) aus %4 Attribut(en); %5 bei der Konvertierung verworfen.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Dry run: nothing was sent.
</source>
        <translation>Probelauf: nichts wurde gesendet.
</translation>
    </message>
    <message>
        <location line="+33"/>
        <source>%1 rejected %2: %3</source>
        <translation>%1 hat %2 abgelehnt: %3</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>… and %1 more rejection(s); &apos;history --json&apos; and the log list them all.</source>
        <translation>… und %1 weitere Ablehnung(en); „history --json“ und das Protokoll listen alle auf.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Run %1 %2.</source>
        <translation>Lauf %1 %2.</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>upload new and changed indicators to every target (--dry-run: plan only)</source>
        <translation>neue und geänderte Indikatoren zu jedem Ziel hochladen (--dry-run: nur planen)</translation>
    </message>
</context>
<context>
    <name>msb::config</name>
    <message>
        <location filename="../core/config/import/appsettingsimport.cpp" line="+33"/>
        <source>Setting &quot;%1&quot; is a reference to secret &quot;%2&quot; in Azure Key Vault &quot;%3&quot;, not the value itself: Azure Functions resolves it at run time. Import the secret&apos;s value (for example from `az keyvault secret show --vault-name %3 --name %2 --query value -o tsv`, piped into the import) or enter it in the wizard.</source>
        <translation>Die Einstellung „%1“ ist ein Verweis auf das Geheimnis „%2“ im Azure Key Vault „%3“, nicht der Wert selbst: Azure Functions löst ihn erst zur Laufzeit auf. Importieren Sie den Wert des Geheimnisses (zum Beispiel aus `az keyvault secret show --vault-name %3 --name %2 --query value -o tsv`, in den Import geleitet) oder geben Sie ihn im Assistenten ein.</translation>
    </message>
    <message>
        <location line="+97"/>
        <source>Setting &quot;%1&quot; looks like a Key Vault reference but could not be read; enter the value in the wizard.</source>
        <translation>Die Einstellung „%1“ sieht wie ein Key-Vault-Verweis aus, konnte aber nicht gelesen werden; geben Sie den Wert im Assistenten ein.</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>tenant_id/client_id/workspace_id were ignored: &quot;tenants&quot; is set and takes precedence, as in misp2sentinel.</source>
        <translation>tenant_id/client_id/workspace_id wurden ignoriert: „tenants“ ist gesetzt und hat Vorrang, wie in misp2sentinel.</translation>
    </message>
    <message>
        <location line="+15"/>
        <location filename="../core/config/import/configpyimport.cpp" line="+223"/>
        <source>MISP URL: %1.</source>
        <translation>MISP-URL: %1.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>No mispurl setting: enter the MISP URL.</source>
        <translation>Keine Einstellung mispurl: geben Sie die MISP-URL ein.</translation>
    </message>
    <message>
        <location line="+7"/>
        <location filename="../core/config/import/configpyimport.cpp" line="+7"/>
        <source>MISP key</source>
        <translation>MISP-Schlüssel</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The MISP key goes to the keychain.</source>
        <translation>Der MISP-Schlüssel kommt in den Schlüsselbund.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>key_vault_name is &quot;%1&quot;: misp2sentinel reads the secrets &quot;MISP-Key&quot; and &quot;ClientSecret&quot; from that vault. Import their values or enter them in the wizard.</source>
        <translation>key_vault_name ist „%1“: misp2sentinel liest die Geheimnisse „MISP-Key“ und „ClientSecret“ aus diesem Vault. Importieren Sie deren Werte oder geben Sie sie im Assistenten ein.</translation>
    </message>
    <message>
        <location line="+14"/>
        <location filename="../core/config/import/configpyimport.cpp" line="+11"/>
        <source>MISP event filters imported: %1.</source>
        <translation>MISP-Eventfilter importiert: %1.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>misp_event_filters is not a JSON object (%1); the default filters are used.</source>
        <translation>misp_event_filters ist kein JSON-Objekt (%1); es werden die Standardfilter verwendet.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>wrong type</source>
        <translation>falscher Typ</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>local_mode was ignored: in misp2sentinel it switched TLS verification of MISP off. Here verification is always on; if MISP uses a private CA, choose its CA file or pin its certificate.</source>
        <translation>local_mode wurde ignoriert: in misp2sentinel schaltete es die TLS-Prüfung von MISP ab. Hier ist die Prüfung immer an; verwendet MISP eine private CA, wählen Sie deren CA-Datei oder pinnen Sie sein Zertifikat.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>timerTriggerSchedule &quot;%1&quot; was not imported: schedule runs with the systemd timer or cron job of the installer.</source>
        <translation>timerTriggerSchedule „%1“ wurde nicht importiert: planen Sie Läufe mit dem systemd-Timer oder Cron-Job des Installers.</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Azure platform settings ignored (they configure the Function host): %1.</source>
        <translation>Azure-Plattformeinstellungen ignoriert (sie konfigurieren den Function-Host): %1.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Settings not used by misp2sentinel, ignored: %1.</source>
        <translation>Von misp2sentinel nicht verwendete Einstellungen, ignoriert: %1.</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Expiry set to the Azure Function&apos;s built-in values: 30 days from now; IP addresses 180, domains 300, URLs 400 days.</source>
        <translation>Ablauf auf die eingebauten Werte der Azure Function gesetzt: 30 Tage ab jetzt; IP-Adressen 180, Domains 300, URLs 400 Tage.</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>The app settings are not valid JSON (%1 at character %2); nothing was imported.</source>
        <translation>Die App-Einstellungen sind kein gültiges JSON (%1 bei Zeichen %2); nichts wurde importiert.</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>App setting %1 was skipped: it has no name.</source>
        <translation>App-Einstellung %1 wurde übersprungen: sie hat keinen Namen.</translation>
    </message>
    <message>
        <location filename="../core/config/import/configpyimport.cpp" line="-117"/>
        <source>line %1: indented code was skipped (only top-level values are read)</source>
        <translation>Zeile %1: eingerückter Code wurde übersprungen (nur Werte auf oberster Ebene werden gelesen)</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>line %1: &quot;%2&quot; is not an assignment; skipped</source>
        <translation>Zeile %1: „%2“ ist keine Zuweisung; übersprungen</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>line %1: %2 is not a plain value (%3); it was not executed and is skipped</source>
        <translation>Zeile %1: %2 ist kein einfacher Wert (%3); er wurde nicht ausgeführt und wird übersprungen</translation>
    </message>
    <message>
        <location line="+40"/>
        <source>ms_auth[&apos;%1&apos;] is still the placeholder %2: enter it in the wizard.</source>
        <translation>ms_auth[&apos;%1&apos;] ist noch der Platzhalter %2: geben Sie den Wert im Assistenten ein.</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>new_upload_api is False: the target uses the legacy upload-indicators API.</source>
        <translation>new_upload_api ist False: das Ziel verwendet die alte Upload-Indicators-API.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>The scope names Azure US Government: the target uses that cloud.</source>
        <translation>Der Scope nennt Azure US Government: das Ziel verwendet diese Cloud.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>graph_api is True: the Graph tiIndicators API is retired; the STIX upload API is used instead.</source>
        <translation>graph_api ist True: die Graph-API tiIndicators ist eingestellt; stattdessen wird die STIX-Upload-API verwendet.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>ms_auth[&apos;%1&apos;] was ignored: it only served misp2sentinel&apos;s management-API lookups, which this tool does not need.</source>
        <translation>ms_auth[&apos;%1&apos;] wurde ignoriert: es diente nur den Management-API-Abfragen von misp2sentinel, die dieses Werkzeug nicht braucht.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>No ms_auth in config.py: add the Sentinel workspace in the wizard.</source>
        <translation>Kein ms_auth in config.py: fügen Sie den Sentinel-Workspace im Assistenten hinzu.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>misp_domain is still the placeholder %1: enter the MISP URL.</source>
        <translation>misp_domain ist noch der Platzhalter %1: geben Sie die MISP-URL ein.</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>The MISP key goes to the keychain. Remove it from config.py once you have moved.</source>
        <translation>Der MISP-Schlüssel kommt in den Schlüsselbund. Entfernen Sie ihn aus config.py, sobald Sie umgezogen sind.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>misp_verifycert is False: here TLS verification is always on. If MISP uses a private CA or a self-signed certificate, choose the CA file or pin the certificate on the MISP page.</source>
        <translation>misp_verifycert ist False: hier ist die TLS-Prüfung immer an. Verwendet MISP eine private CA oder ein selbstsigniertes Zertifikat, wählen Sie auf der MISP-Seite die CA-Datei oder pinnen Sie das Zertifikat.</translation>
    </message>
    <message>
        <location line="+26"/>
        <source>Expiry per type imported. Unlike misp2sentinel, which matched these keys anywhere in the pattern (so a domain containing &quot;url&quot; got the URL expiry), they now apply to exactly that STIX type.</source>
        <translation>Ablauf pro Typ importiert. Anders als misp2sentinel, das diese Schlüssel irgendwo im Pattern suchte (eine Domain mit „url“ bekam so den URL-Ablauf), gelten sie jetzt genau für diesen STIX-Typ.</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Source system: %1.</source>
        <translation>Quellsystem: %1.</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>ms_api_version %1: the API version follows from the API kind here.</source>
        <translation>ms_api_version %1: die API-Version ergibt sich hier aus der API-Art.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>object attributes are always processed</source>
        <translation>Objektattribute werden immer verarbeitet</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>composite values such as filename|sha256 keep both parts</source>
        <translation>zusammengesetzte Werte wie filename|sha256 behalten beide Teile</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>event reports never reach the output</source>
        <translation>Event-Reports gelangen nie in die Ausgabe</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>batches follow the API limit of 100 objects</source>
        <translation>Stapel folgen dem API-Limit von 100 Objekten</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>the uploader paces itself and honours 429 Retry-After</source>
        <translation>der Upload drosselt sich selbst und beachtet 429 Retry-After</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>the local ledger knows what was sent</source>
        <translation>das lokale Journal weiß, was gesendet wurde</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>the product&apos;s own User-Agent is used</source>
        <translation>der eigene User-Agent des Produkts wird verwendet</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>use the preview or the --dry-run option per run</source>
        <translation>verwenden Sie die Vorschau oder die Option --dry-run pro Lauf</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>logs go to the application&apos;s log directory, with secrets redacted</source>
        <translation>Protokolle gehen in das Protokollverzeichnis der Anwendung, Geheimnisse geschwärzt</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>use --log-level per run</source>
        <translation>verwenden Sie --log-level pro Lauf</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>use --out to write the bundle</source>
        <translation>verwenden Sie --out, um das Bundle zu schreiben</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>event ids are in the run report</source>
        <translation>Event-IDs stehen im Laufbericht</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>rejections are in the run report</source>
        <translation>Ablehnungen stehen im Laufbericht</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>MISP last_seen is always honoured</source>
        <translation>MISP last_seen wird immer beachtet</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>not supported</source>
        <translation>nicht unterstützt</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+1"/>
        <location line="+1"/>
        <location line="+1"/>
        <location line="+1"/>
        <source>Graph API leftover without effect</source>
        <translation>Überbleibsel der Graph-API ohne Wirkung</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>%1 was not imported: %2.</source>
        <translation>%1 wurde nicht importiert: %2.</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Not recognised, ignored: %1.</source>
        <translation>Nicht erkannt, ignoriert: %1.</translation>
    </message>
    <message>
        <location filename="../core/config/import/pythonliteral.cpp" line="+30"/>
        <source>unexpected &quot;%1&quot; after the value</source>
        <translation>unerwartetes „%1“ nach dem Wert</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>not a plain Python value at character %1: %2</source>
        <translation>kein einfacher Python-Wert bei Zeichen %1: %2</translation>
    </message>
    <message>
        <location line="+36"/>
        <source>nested more than %1 levels</source>
        <translation>mehr als %1 Ebenen verschachtelt</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>a value is missing</source>
        <translation>ein Wert fehlt</translation>
    </message>
    <message>
        <location line="+26"/>
        <source>&quot;%1&quot; is a name or expression, not a value</source>
        <translation>„%1“ ist ein Name oder Ausdruck, kein Wert</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>unexpected &quot;%1&quot;</source>
        <translation>unerwartetes „%1“</translation>
    </message>
    <message>
        <location line="+39"/>
        <source>a string is not closed</source>
        <translation>eine Zeichenkette ist nicht geschlossen</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>a string is not closed on its line</source>
        <translation>eine Zeichenkette ist in ihrer Zeile nicht geschlossen</translation>
    </message>
    <message>
        <location line="+49"/>
        <source>a \%1 escape is malformed</source>
        <translation>eine \%1-Escape-Sequenz ist fehlerhaft</translation>
    </message>
    <message>
        <location line="+46"/>
        <source>&quot;%1&quot; is not a number</source>
        <translation>„%1“ ist keine Zahl</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>&quot;%1&quot; is missing</source>
        <translation>„%1“ fehlt</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>expected &quot;,&quot; or &quot;%1&quot;</source>
        <translation>„,“ oder „%1“ erwartet</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>&quot;}&quot; is missing</source>
        <translation>„}“ fehlt</translation>
    </message>
    <message>
        <location line="+24"/>
        <source>a dict key must be a string or a number</source>
        <translation>ein Dict-Schlüssel muss eine Zeichenkette oder eine Zahl sein</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>expected &quot;:&quot;</source>
        <translation>„:“ erwartet</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>expected &quot;,&quot; or &quot;}&quot;</source>
        <translation>„,“ oder „}“ erwartet</translation>
    </message>
    <message>
        <location filename="../core/config/import/tenantsimport.cpp" line="+42"/>
        <source>tenantId is missing</source>
        <translation>tenantId fehlt</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>tenantId &quot;%1&quot; is not a GUID</source>
        <translation>tenantId „%1“ ist keine GUID</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>id (the app&apos;s client id) is missing</source>
        <translation>id (die Client-ID der App) fehlt</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>id &quot;%1&quot; is not a GUID</source>
        <translation>id „%1“ ist keine GUID</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>%1 was skipped: %2.</source>
        <translation>%1 wurde übersprungen: %2.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Sentinel %1</source>
        <translation>Sentinel %1</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>%1: imported workspace %2 of tenant %3 (app %4) as &quot;%5&quot;.</source>
        <translation>%1: Workspace %2 des Mandanten %3 (App %4) als „%5“ importiert.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>(none)</source>
        <translation>(keine)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>It has no workspaceId (the old layout had none): enter the workspace ID before syncing.</source>
        <translation>Er hat keine workspaceId (das alte Format hatte keine): geben Sie vor der Synchronisation die Workspace-ID ein.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Its workspaceId is not a GUID: correct it before syncing.</source>
        <translation>Seine workspaceId ist keine GUID: korrigieren Sie sie vor der Synchronisation.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Its secret is an unresolved Key Vault reference: enter the client secret.</source>
        <translation>Sein Geheimnis ist ein nicht aufgelöster Key-Vault-Verweis: geben Sie den geheimen Clientschlüssel ein.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>It has no secret: enter the client secret.</source>
        <translation>Er hat kein Geheimnis: geben Sie den geheimen Clientschlüssel ein.</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Another entry gave a different secret for the same app and tenant; the first one is kept.</source>
        <translation>Ein anderer Eintrag nannte ein anderes Geheimnis für dieselbe App und denselben Mandanten; das erste wird behalten.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>client secret of app %1 in tenant %2</source>
        <translation>geheimer Clientschlüssel der App %1 im Mandanten %2</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Its client secret goes to the keychain.</source>
        <translation>Sein geheimer Clientschlüssel kommt in den Schlüsselbund.</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>The tenants value is not valid JSON (%1 at character %2); nothing was imported from it.</source>
        <translation>Der tenants-Wert ist kein gültiges JSON (%1 bei Zeichen %2); daraus wurde nichts importiert.</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>The tenants list is empty.</source>
        <translation>Die tenants-Liste ist leer.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Tenants entry %1</source>
        <translation>tenants-Eintrag %1</translation>
    </message>
    <message>
        <location line="+2"/>
        <location line="+11"/>
        <source>%1 was skipped: it is not an object.</source>
        <translation>%1 wurde übersprungen: er ist kein Objekt.</translation>
    </message>
    <message>
        <location line="-4"/>
        <source>The tenants value uses the old layout (a dict keyed by tenant id).</source>
        <translation>Der tenants-Wert verwendet das alte Format (ein Dict mit der Mandanten-ID als Schlüssel).</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Tenants entry &quot;%1&quot;</source>
        <translation>tenants-Eintrag „%1“</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>The tenants value is neither a list nor a dict; nothing was imported from it.</source>
        <translation>Der tenants-Wert ist weder eine Liste noch ein Dict; daraus wurde nichts importiert.</translation>
    </message>
    <message>
        <location filename="../core/config/profile.cpp" line="+34"/>
        <source>is not a valid URL</source>
        <translation>ist keine gültige URL</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>must not contain a user name or password (the key is stored in the keychain)</source>
        <translation>darf keinen Benutzernamen und kein Passwort enthalten (der Schlüssel liegt im Schlüsselbund)</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>uses plain http; only https is allowed (plain http only to this machine)</source>
        <translation>verwendet unverschlüsseltes http; nur https ist erlaubt (http nur zu diesem Rechner)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>must start with https://</source>
        <translation>muss mit https:// beginnen</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>must be scheme and host only, like https://127.0.0.1:8443</source>
        <translation>darf nur Schema und Host enthalten, etwa https://127.0.0.1:8443</translation>
    </message>
    <message>
        <location line="+74"/>
        <source>Target %1</source>
        <translation>Ziel %1</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Target %1 (%2)</source>
        <translation>Ziel %1 (%2)</translation>
    </message>
    <message>
        <location line="+7"/>
        <location line="+8"/>
        <location line="+25"/>
        <source>is empty</source>
        <translation>ist leer</translation>
    </message>
    <message>
        <location line="-31"/>
        <source>&quot;%1&quot; is not a GUID (expected xxxxxxxx-xxxx-xxxx-xxxx-xxxxxxxxxxxx)</source>
        <translation>„%1“ ist keine GUID (erwartet: xxxxxxxx-xxxx-xxxx-xxxx-xxxxxxxxxxxx)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>tenant ID</source>
        <translation>Mandanten-ID</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>client (application) ID</source>
        <translation>Client-ID (Anwendungs-ID)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>workspace ID</source>
        <translation>Workspace-ID</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>source system</source>
        <translation>Quellsystem</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>minimum confidence</source>
        <translation>Mindestkonfidenz</translation>
    </message>
    <message>
        <location line="+0"/>
        <location line="+58"/>
        <source>%1 is outside 0-100</source>
        <translation>%1 liegt außerhalb von 0-100</translation>
    </message>
    <message>
        <location line="-56"/>
        <source>maximum TLP</source>
        <translation>höchstes TLP</translation>
    </message>
    <message>
        <location line="+0"/>
        <location line="+68"/>
        <source>&quot;%1&quot; is not one of %2</source>
        <translation>„%1“ ist nicht eines von %2</translation>
    </message>
    <message>
        <location line="-66"/>
        <location filename="../ui/wizard/tenantpage.cpp" line="+142"/>
        <source>token endpoint override</source>
        <translation>abweichender Token-Endpunkt</translation>
    </message>
    <message>
        <location line="+2"/>
        <location filename="../ui/wizard/tenantpage.cpp" line="+1"/>
        <source>upload endpoint override</source>
        <translation>abweichender Upload-Endpunkt</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Profile name</source>
        <translation>Profilname</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&quot;%1&quot; is not allowed: use 1-64 letters, digits, spaces, &apos;.&apos;, &apos;_&apos; or &apos;-&apos;</source>
        <translation>„%1“ ist nicht erlaubt: verwenden Sie 1-64 Buchstaben, Ziffern, Leerzeichen, „.“, „_“ oder „-“</translation>
    </message>
    <message>
        <location line="+5"/>
        <location line="+2"/>
        <source>MISP URL</source>
        <translation>MISP-URL</translation>
    </message>
    <message>
        <location line="+0"/>
        <location line="+6"/>
        <source>&quot;%1&quot; %2</source>
        <translation>„%1“ %2</translation>
    </message>
    <message>
        <location line="-3"/>
        <source>MISP feed</source>
        <translation>MISP-Feed</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>needs a directory or a URL</source>
        <translation>braucht ein Verzeichnis oder eine URL</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>MISP feed URL</source>
        <translation>MISP-Feed-URL</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>MISP certificate pin</source>
        <translation>MISP-Zertifikats-Pin</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>must be 64 lower-case hex digits (SHA-256)</source>
        <translation>muss aus 64 kleingeschriebenen Hex-Ziffern bestehen (SHA-256)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>MISP page size</source>
        <translation>MISP-Seitengröße</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>%1 is outside 1-10000</source>
        <translation>%1 liegt außerhalb von 1-10000</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>MISP timeout</source>
        <translation>MISP-Zeitlimit</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>%1 s is outside 1-3600 s</source>
        <translation>%1 s liegt außerhalb von 1-3600 s</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Targets</source>
        <translation>Ziele</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>list is empty: add at least one Sentinel workspace</source>
        <translation>Liste ist leer: fügen Sie mindestens einen Sentinel-Workspace hinzu</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Target %1: workspace ID</source>
        <translation>Ziel %1: Workspace-ID</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&quot;%1&quot; is listed twice with the same API and source system</source>
        <translation>„%1“ ist zweimal mit derselben API und demselben Quellsystem aufgeführt</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Default confidence</source>
        <translation>Standardkonfidenz</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Default expiry</source>
        <translation>Standardablauf</translation>
    </message>
    <message>
        <location line="+0"/>
        <location line="+3"/>
        <source>%1 days is outside 0-3650</source>
        <translation>%1 Tage liegt außerhalb von 0-3650</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Expiry for %1</source>
        <translation>Ablauf für %1</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Default TLP</source>
        <translation>Standard-TLP</translation>
    </message>
</context>
<context>
    <name>msb::config::ProfileStore</name>
    <message>
        <location filename="../core/config/profilestore.cpp" line="+129"/>
        <source>The settings were written by a newer version (schema %1); unknown entries are left untouched.</source>
        <translation>Die Einstellungen wurden von einer neueren Version geschrieben (Schema %1); unbekannte Einträge bleiben unverändert.</translation>
    </message>
    <message>
        <location line="+36"/>
        <source>MISP key</source>
        <translation>MISP-Schlüssel</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>client secret of app %1</source>
        <translation>geheimer Clientschlüssel der App %1</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Profile &quot;default&quot; needs attention: %1</source>
        <translation>Profil „default“ braucht Aufmerksamkeit: %1</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Settings of version 0.0 were moved to profile &quot;default&quot;.</source>
        <translation>Einstellungen der Version 0.0 wurden in das Profil „default“ verschoben.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>%n plain-text secret(s) were removed from the settings file and must be stored in the keychain.</source>
        <translation>%n Geheimnisse im Klartext wurden aus der Einstellungsdatei entfernt und müssen im Schlüsselbund gespeichert werden.</translation>
    </message>
    <message>
        <location line="+22"/>
        <source>There is no profile named &quot;%1&quot;.</source>
        <translation>Es gibt kein Profil namens „%1“.</translation>
    </message>
    <message>
        <location line="+53"/>
        <source>Profile &quot;%1&quot; was not saved:
%2</source>
        <translation>Profil „%1“ wurde nicht gespeichert:
%2</translation>
    </message>
    <message>
        <location line="+50"/>
        <source>Profile &quot;%1&quot; could not be written to %2.</source>
        <translation>Profil „%1“ konnte nicht nach %2 geschrieben werden.</translation>
    </message>
</context>
<context>
    <name>msb::secrets</name>
    <message>
        <location filename="../core/secrets/stdinsecret.cpp" line="+51"/>
        <source>The %1 read from standard input is longer than 64 KiB.</source>
        <translation>Der von der Standardeingabe gelesene Wert (%1) ist länger als 64 KiB.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>No %1 was given on standard input.</source>
        <translation>Auf der Standardeingabe wurde kein Wert (%1) übergeben.</translation>
    </message>
</context>
<context>
    <name>msb::secrets::EnvironmentSecretStore</name>
    <message>
        <location filename="../core/secrets/environmentsecretstore.cpp" line="+68"/>
        <source>environment</source>
        <translation>Umgebung</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>&quot;%1&quot; is not a secret name this program uses.</source>
        <translation>„%1“ ist kein Geheimnisname, den dieses Programm verwendet.</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>The environment variable %1 holds an unresolved Azure Key Vault reference, not the secret itself. Outside Azure Functions nothing resolves it: put the secret value in the variable, or import it from the vault.</source>
        <translation>Die Umgebungsvariable %1 enthält einen nicht aufgelösten Azure-Key-Vault-Verweis, nicht das Geheimnis selbst. Außerhalb von Azure Functions löst ihn niemand auf: schreiben Sie den Wert des Geheimnisses in die Variable oder importieren Sie ihn aus dem Vault.</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>No environment variable holds the secret &quot;%1&quot;; set one of: %2.</source>
        <translation>Keine Umgebungsvariable enthält das Geheimnis „%1“; setzen Sie eine von: %2.</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Secrets from the environment are read-only; &quot;%1&quot; was not stored. Set %2 instead.</source>
        <translation>Geheimnisse aus der Umgebung sind schreibgeschützt; „%1“ wurde nicht gespeichert. Setzen Sie stattdessen %2.</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Secrets from the environment are read-only; &quot;%1&quot; was not removed.</source>
        <translation>Geheimnisse aus der Umgebung sind schreibgeschützt; „%1“ wurde nicht entfernt.</translation>
    </message>
</context>
<context>
    <name>msb::secrets::InMemorySecretStore</name>
    <message>
        <location filename="../core/secrets/inmemorysecretstore.cpp" line="+19"/>
        <source>memory</source>
        <translation>Arbeitsspeicher</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>No secret is stored for &quot;%1&quot;.</source>
        <translation>Für „%1“ ist kein Geheimnis gespeichert.</translation>
    </message>
</context>
<context>
    <name>msb::secrets::KeychainSecretStore</name>
    <message>
        <location filename="../core/secrets/keychainsecretstore.cpp" line="+30"/>
        <source>system keychain</source>
        <translation>Schlüsselbund des Systems</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>No secret is stored in the keychain for &quot;%1&quot;.</source>
        <translation>Im Schlüsselbund ist für „%1“ kein Geheimnis gespeichert.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>The system keychain refused access to &quot;%1&quot; (%2). The keyring is probably locked: unlock it (for example log in to the desktop session, or run gnome-keyring-daemon --unlock), or, for headless runs, pass the secret through the environment (MSB_MISP_KEY, MSB_CLIENT_SECRET...).</source>
        <translation>Der Schlüsselbund des Systems hat den Zugriff auf „%1“ verweigert (%2). Der Schlüsselbund ist vermutlich gesperrt: entsperren Sie ihn (zum Beispiel durch Anmelden an der Desktopsitzung oder mit gnome-keyring-daemon --unlock) oder übergeben Sie das Geheimnis bei Läufen ohne Bildschirm über die Umgebung (MSB_MISP_KEY, MSB_CLIENT_SECRET...).</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>No system keychain answered for &quot;%1&quot; (%2). Start and unlock a Secret Service provider such as gnome-keyring or KWallet in this session (it needs a D-Bus session bus), or, for headless runs, pass the secret through the environment (MSB_MISP_KEY, MSB_CLIENT_SECRET...). Secrets are never written to a file instead.</source>
        <translation>Kein Schlüsselbund des Systems hat für „%1“ geantwortet (%2). Starten und entsperren Sie in dieser Sitzung einen Secret-Service-Anbieter wie gnome-keyring oder KWallet (er braucht einen D-Bus-Sitzungsbus) oder übergeben Sie das Geheimnis bei Läufen ohne Bildschirm über die Umgebung (MSB_MISP_KEY, MSB_CLIENT_SECRET...). Geheimnisse werden nie ersatzweise in eine Datei geschrieben.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>The keychain could not delete &quot;%1&quot; (%2).</source>
        <translation>Der Schlüsselbund konnte „%1“ nicht löschen (%2).</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Keychain error for &quot;%1&quot; (%2).</source>
        <translation>Schlüsselbundfehler für „%1“ (%2).</translation>
    </message>
</context>
<context>
    <name>msb::sync::SyncJob</name>
    <message>
        <location filename="../core/sync/syncjob.cpp" line="+21"/>
        <source>Profile &quot;%1&quot; is not valid: %2</source>
        <translation>Profil „%1“ ist ungültig: %2</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Profile &quot;%1&quot; has no Sentinel target.</source>
        <translation>Profil „%1“ hat kein Sentinel-Ziel.</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Reading secrets</source>
        <translation>Lese Geheimnisse</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>No secret store was given.</source>
        <translation>Es wurde kein Geheimnisspeicher angegeben.</translation>
    </message>
    <message>
        <location line="+41"/>
        <source>The MISP API key of profile &quot;%1&quot; is missing: %2</source>
        <translation>Der MISP-API-Schlüssel von Profil „%1“ fehlt: %2</translation>
    </message>
    <message>
        <location line="+6"/>
        <location line="+7"/>
        <source>No client secret for app %1 in tenant %2: %3</source>
        <translation>Kein geheimer Clientschlüssel für App %1 im Mandanten %2: %3</translation>
    </message>
    <message>
        <location line="+15"/>
        <location line="+102"/>
        <location line="+48"/>
        <location line="+213"/>
        <location line="+126"/>
        <source>Cancelled.</source>
        <translation>Abgebrochen.</translation>
    </message>
    <message>
        <location line="-462"/>
        <source>Checking targets</source>
        <translation>Prüfe Ziele</translation>
    </message>
    <message>
        <location line="+44"/>
        <source>The feed folder %1 does not exist.</source>
        <translation>Der Feed-Ordner %1 existiert nicht.</translation>
    </message>
    <message>
        <location line="+61"/>
        <location line="+113"/>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <location line="-104"/>
        <source>No usable Sentinel target.</source>
        <translation>Kein verwendbares Sentinel-Ziel.</translation>
    </message>
    <message>
        <location line="+26"/>
        <source>Profile &quot;%1&quot; uses a feed URL; this build reads feeds from a folder only. Download the feed (manifest.json and the event files) and set the folder.</source>
        <translation>Profil „%1“ verwendet eine Feed-URL; dieser Build liest Feeds nur aus einem Ordner. Laden Sie den Feed herunter (manifest.json und die Event-Dateien) und geben Sie den Ordner an.</translation>
    </message>
    <message>
        <location line="+11"/>
        <location line="+36"/>
        <source>The MISP filters of profile &quot;%1&quot; are invalid: %2</source>
        <translation>Die MISP-Filter von Profil „%1“ sind ungültig: %2</translation>
    </message>
    <message>
        <location line="-21"/>
        <source>Fetching from MISP %1</source>
        <translation>Rufe von MISP %1 ab</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>The feed folder %1 does not exist or cannot be read.</source>
        <translation>Der Feed-Ordner %1 existiert nicht oder kann nicht gelesen werden.</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Reading feed folder %1</source>
        <translation>Lese Feed-Ordner %1</translation>
    </message>
    <message>
        <location line="+27"/>
        <source>%1 is larger than 512 MiB</source>
        <translation>%1 ist größer als 512 MiB</translation>
    </message>
    <message numerus="yes">
        <location line="+151"/>
        <source>Planning %n target(s)</source>
        <translation>
            <numerusform>Plane %n Ziel</numerusform>
            <numerusform>Plane %n Ziele</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+24"/>
        <source>Uploading to %n target(s)</source>
        <translation>
            <numerusform>Lade zu %n Ziel hoch</numerusform>
            <numerusform>Lade zu %n Zielen hoch</numerusform>
        </translation>
    </message>
    <message>
        <location line="+17"/>
        <source>Cancelled; unacknowledged objects are re-sent next time.</source>
        <translation>Abgebrochen; unbestätigte Objekte werden beim nächsten Mal erneut gesendet.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>A sync is already running.</source>
        <translation>Es läuft bereits eine Synchronisation.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Writing %1</source>
        <translation>Schreibe %1</translation>
    </message>
    <message>
        <location line="+3"/>
        <location line="+12"/>
        <source>Cannot write %1: %2</source>
        <translation>%1 kann nicht geschrieben werden: %2</translation>
    </message>
</context>
<context>
    <name>msb::ui::AboutDialog</name>
    <message>
        <location filename="../ui/dialogs/aboutdialog.cpp" line="+24"/>
        <source>MISP Sentinel Bridge %1</source>
        <translation>MISP Sentinel Bridge %1</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Qt %1 (built with %2)</source>
        <translation>Qt %1 (gebaut mit %2)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>QtKeychain %1</source>
        <translation>QtKeychain %1</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>spdlog %1.%2.%3</source>
        <translation>spdlog %1.%2.%3</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Build: %1, %2, %3</source>
        <translation>Build: %1, %2, %3</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Running on %1</source>
        <translation>Läuft auf %1</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>About MISP Sentinel Bridge</source>
        <translation>Über MISP Sentinel Bridge</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&lt;b&gt;MISP Sentinel Bridge&lt;/b&gt;&lt;br&gt;Threat intelligence from MISP to STIX 2.1 and Microsoft Sentinel, with nothing lost on the way.</source>
        <translation>&lt;b&gt;MISP Sentinel Bridge&lt;/b&gt;&lt;br&gt;Threat Intelligence aus MISP nach STIX 2.1 und Microsoft Sentinel, ohne dass unterwegs etwas verloren geht.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Versions</source>
        <translation>Versionen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Licensed under the BSD 2-Clause licence.</source>
        <translation>Lizenziert unter der BSD-2-Clause-Lizenz.</translation>
    </message>
</context>
<context>
    <name>msb::ui::AttributeTableModel</name>
    <message>
        <location filename="../ui/models/attributetablemodel.cpp" line="+67"/>
        <source>default</source>
        <translation>Standard</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>yes</source>
        <translation>ja</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>no</source>
        <translation>nein</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>Type</source>
        <translation>Typ</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Category</source>
        <translation>Kategorie</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Value</source>
        <translation>Wert</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>to_ids</source>
        <translation>to_ids</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Tags</source>
        <translation>Tags</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Timestamp</source>
        <translation>Zeitstempel</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Object</source>
        <translation>Objekt</translation>
    </message>
</context>
<context>
    <name>msb::ui::DeskBackend</name>
    <message>
        <location filename="../ui/deskbackend.cpp" line="+74"/>
        <source>confidence %1 below the target&apos;s minimum %2</source>
        <translation>Konfidenz %1 unter dem Minimum %2 des Ziels</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>TLP above the target&apos;s maximum %1</source>
        <translation>TLP über dem Maximum %1 des Ziels</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>type %1 not included for this target</source>
        <translation>Typ %1 ist für dieses Ziel nicht eingeschlossen</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>The MISP folder &quot;%1&quot; does not exist.</source>
        <translation>Der MISP-Ordner „%1“ existiert nicht.</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>%1: more than %2 files; only the first %2 were read.</source>
        <translation>%1: mehr als %2 Dateien; nur die ersten %2 wurden gelesen.</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>%1: larger than 512 MB, skipped.</source>
        <translation>%1: größer als 512 MB, übersprungen.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>%1: cannot be read (%2).</source>
        <translation>%1: kann nicht gelesen werden (%2).</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>Preview</source>
        <translation>Vorschau</translation>
    </message>
</context>
<context>
    <name>msb::ui::DeskController</name>
    <message>
        <location filename="../ui/deskcontroller.cpp" line="+70"/>
        <source>Folder: %1</source>
        <translation>Ordner: %1</translation>
    </message>
    <message>
        <location line="+39"/>
        <source>Fetching events for profile %1…</source>
        <translation>Rufe Events für Profil %1 ab…</translation>
    </message>
    <message numerus="yes">
        <location line="+17"/>
        <source>Fetch cancelled; %n event(s) read before that.</source>
        <translation>
            <numerusform>Abruf abgebrochen; davor wurde %n Event gelesen.</numerusform>
            <numerusform>Abruf abgebrochen; davor wurden %n Events gelesen.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+2"/>
        <source>Fetched %n event(s) in %1 s.</source>
        <translation>
            <numerusform>%n Event in %1 s abgerufen.</numerusform>
            <numerusform>%n Events in %1 s abgerufen.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+4"/>
        <source>%n item(s) could not be read (see the log).</source>
        <translation>
            <numerusform>%n Element konnte nicht gelesen werden (siehe Protokoll).</numerusform>
            <numerusform>%n Elemente konnten nicht gelesen werden (siehe Protokoll).</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+16"/>
        <source>Converting and planning %n event(s)…</source>
        <translation>
            <numerusform>Konvertiere und plane %n Event…</numerusform>
            <numerusform>Konvertiere und plane %n Events…</numerusform>
        </translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Dry run cancelled.</source>
        <translation>Probelauf abgebrochen.</translation>
    </message>
    <message numerus="yes">
        <location line="+5"/>
        <source>Dry run: %n STIX object(s), %1 MISP item(s) dropped, %2 s.</source>
        <translation>
            <numerusform>Probelauf: %n STIX-Objekt, %1 MISP-Element(e) verworfen, %2 s.</numerusform>
            <numerusform>Probelauf: %n STIX-Objekte, %1 MISP-Element(e) verworfen, %2 s.</numerusform>
        </translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Sync is not available in this build.</source>
        <translation>Synchronisation ist in diesem Build nicht verfügbar.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Run a dry run first: sync sends what the dry run shows.</source>
        <translation>Führen Sie zuerst einen Probelauf aus: die Synchronisation sendet, was der Probelauf zeigt.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Profile %1 has no Sentinel workspace; add one with the setup wizard.</source>
        <translation>Profil %1 hat keinen Sentinel-Workspace; fügen Sie einen mit dem Einrichtungsassistenten hinzu.</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Sync cancelled: %1 accepted, %2 rejected.</source>
        <translation>Synchronisation abgebrochen: %1 angenommen, %2 abgelehnt.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Sync finished: %1 accepted, %2 rejected.</source>
        <translation>Synchronisation beendet: %1 angenommen, %2 abgelehnt.</translation>
    </message>
    <message numerus="yes">
        <location line="+11"/>
        <source>Syncing to %n target(s)…</source>
        <translation>
            <numerusform>Synchronisiere mit %n Ziel…</numerusform>
            <numerusform>Synchronisiere mit %n Zielen…</numerusform>
        </translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Cancelling…</source>
        <translation>Breche ab…</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Cancelling the sync; batches in flight finish first…</source>
        <translation>Breche die Synchronisation ab; laufende Batches werden noch beendet…</translation>
    </message>
</context>
<context>
    <name>msb::ui::DeskFetch</name>
    <message>
        <location filename="../ui/deskfetch.cpp" line="+60"/>
        <source>The MISP filters of profile &quot;%1&quot; are invalid: %2</source>
        <translation>Die MISP-Filter von Profil „%1“ sind ungültig: %2</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>No secret store is available for the MISP API key.</source>
        <translation>Für den MISP-API-Schlüssel ist kein Geheimnisspeicher verfügbar.</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Fetch cancelled.</source>
        <translation>Abruf abgebrochen.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>The MISP API key of profile &quot;%1&quot; is missing: %2</source>
        <translation>Der MISP-API-Schlüssel von Profil „%1“ fehlt: %2</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>MISP page %1 could not be read: %2</source>
        <translation>MISP-Seite %1 konnte nicht gelesen werden: %2</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>MISP %1: %2</source>
        <translation>MISP %1: %2</translation>
    </message>
    <message>
        <location line="+28"/>
        <source>Feed event %1 (%2) could not be read: %3</source>
        <translation>Feed-Event %1 (%2) konnte nicht gelesen werden: %3</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>The feed %1 cannot be read: %2</source>
        <translation>Der Feed %1 kann nicht gelesen werden: %2</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>Profile &quot;%1&quot; has neither a feed folder nor a feed URL.</source>
        <translation>Profil „%1“ hat weder einen Feed-Ordner noch eine Feed-URL.</translation>
    </message>
</context>
<context>
    <name>msb::ui::DropReasonModel</name>
    <message>
        <location filename="../ui/models/dryrunsummarymodel.cpp" line="+115"/>
        <source>Reason</source>
        <translation>Grund</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Count</source>
        <translation>Anzahl</translation>
    </message>
</context>
<context>
    <name>msb::ui::DryRunSummaryModel</name>
    <message>
        <location line="-50"/>
        <source>Target</source>
        <translation>Ziel</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Total</source>
        <translation>Gesamt</translation>
    </message>
</context>
<context>
    <name>msb::ui::DryRunView</name>
    <message>
        <location filename="../ui/views/dryrunview.cpp" line="+203"/>
        <location line="+44"/>
        <source>Per target</source>
        <translation>Pro Ziel</translation>
    </message>
    <message>
        <location line="-43"/>
        <source>Dropped MISP items by reason</source>
        <translation>Verworfene MISP-Elemente nach Grund</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Dry-run counts per target</source>
        <translation>Probelauf-Zahlen pro Ziel</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+35"/>
        <source>Drops by reason</source>
        <translation>Verworfen nach Grund</translation>
    </message>
    <message>
        <location line="-34"/>
        <source>Chart: objects by type</source>
        <translation>Diagramm: Objekte nach Typ</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Chart: objects per target and status</source>
        <translation>Diagramm: Objekte pro Ziel und Status</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Chart: drops by reason</source>
        <translation>Diagramm: Verworfenes nach Grund</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>No dry run yet. Fetch events, then press Dry run to see what would be sent, changed, revoked or dropped for each workspace.</source>
        <translation>Noch kein Probelauf. Rufen Sie Events ab und drücken Sie dann „Probelauf“, um zu sehen, was für jeden Workspace gesendet, geändert, widerrufen oder verworfen würde.</translation>
    </message>
    <message numerus="yes">
        <location line="+3"/>
        <source>%n STIX object(s) for %1 target(s); %2 MISP item(s) dropped by the conversion.</source>
        <translation>
            <numerusform>%n STIX-Objekt für %1 Ziel(e); %2 MISP-Element(e) von der Konvertierung verworfen.</numerusform>
            <numerusform>%n STIX-Objekte für %1 Ziel(e); %2 MISP-Element(e) von der Konvertierung verworfen.</numerusform>
        </translation>
    </message>
    <message>
        <location line="+21"/>
        <source>Objects by type</source>
        <translation>Objekte nach Typ</translation>
    </message>
    <message>
        <location line="+2"/>
        <location line="+6"/>
        <source>other</source>
        <translation>andere</translation>
    </message>
    <message>
        <location line="-6"/>
        <source>Objects</source>
        <translation>Objekte</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Dropped</source>
        <translation>Verworfen</translation>
    </message>
</context>
<context>
    <name>msb::ui::EventTableModel</name>
    <message>
        <location filename="../ui/models/eventtablemodel.cpp" line="+76"/>
        <source>High</source>
        <translation>Hoch</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Medium</source>
        <translation>Mittel</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Low</source>
        <translation>Niedrig</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Undefined</source>
        <translation>Undefiniert</translation>
    </message>
    <message>
        <location line="+53"/>
        <source>yes</source>
        <translation>ja</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>no</source>
        <translation>nein</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>ID</source>
        <translation>ID</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Date</source>
        <translation>Datum</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Organisation</source>
        <translation>Organisation</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Info</source>
        <translation>Info</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Tags</source>
        <translation>Tags</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Attributes</source>
        <translation>Attribute</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>to_ids</source>
        <translation>to_ids</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Published</source>
        <translation>Veröffentlicht</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Threat level</source>
        <translation>Bedrohungsstufe</translation>
    </message>
</context>
<context>
    <name>msb::ui::GuiApp</name>
    <message>
        <location filename="../ui/guiapp.cpp" line="+48"/>
        <source>MISP Sentinel Bridge desktop</source>
        <translation>MISP Sentinel Bridge Desktop</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Grab the window to FILE and quit.</source>
        <translation>Das Fenster in DATEI speichern und beenden.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Page to show first.</source>
        <translation>Zuerst angezeigte Seite.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Fetch from a local MISP folder.</source>
        <translation>Aus einem lokalen MISP-Ordner abrufen.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Profile to open.</source>
        <translation>Zu öffnendes Profil.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Language (en, de).</source>
        <translation>Sprache (en, de).</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Use a dark palette.</source>
        <translation>Dunkle Farbpalette verwenden.</translation>
    </message>
</context>
<context>
    <name>msb::ui::GuiThreadSecretStore</name>
    <message>
        <location filename="../ui/guithreadsecretstore.cpp" line="+33"/>
        <location line="+15"/>
        <location line="+14"/>
        <source>The secret store is no longer available.</source>
        <translation>Der Geheimnisspeicher ist nicht mehr verfügbar.</translation>
    </message>
</context>
<context>
    <name>msb::ui::HistoryModel</name>
    <message>
        <location filename="../ui/models/historymodel.cpp" line="+91"/>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>%1: %2 accepted, %3 rejected</source>
        <translation>%1: %2 angenommen, %3 abgelehnt</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>cancelled</source>
        <translation>abgebrochen</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>failed</source>
        <translation>fehlgeschlagen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>complete</source>
        <translation>vollständig</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>with errors</source>
        <translation>mit Fehlern</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>When</source>
        <translation>Wann</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Profile</source>
        <translation>Profil</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Targets</source>
        <translation>Ziele</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Accepted</source>
        <translation>Angenommen</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Rejected</source>
        <translation>Abgelehnt</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Result</source>
        <translation>Ergebnis</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Errors</source>
        <translation>Fehler</translation>
    </message>
</context>
<context>
    <name>msb::ui::HistoryView</name>
    <message>
        <location filename="../ui/views/historyview.cpp" line="+47"/>
        <source>Past runs of this profile, newest first</source>
        <translation>Frühere Läufe dieses Profils, neueste zuerst</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Export CSV…</source>
        <translation>CSV exportieren…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Export the history as CSV</source>
        <translation>Den Verlauf als CSV exportieren</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Run history</source>
        <translation>Laufverlauf</translation>
    </message>
    <message>
        <location line="+8"/>
        <location line="+3"/>
        <source>Cannot write %1: %2</source>
        <translation>%1 kann nicht geschrieben werden: %2</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Export history</source>
        <translation>Verlauf exportieren</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>CSV files (*.csv)</source>
        <translation>CSV-Dateien (*.csv)</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>History exported to %1.</source>
        <translation>Verlauf nach %1 exportiert.</translation>
    </message>
</context>
<context>
    <name>msb::ui::LedgerHistory</name>
    <message>
        <location filename="../ui/ledgerhistory.cpp" line="+33"/>
        <source>The run did not finish (still running, or the program stopped).</source>
        <translation>Der Lauf wurde nicht beendet (läuft noch oder das Programm wurde beendet).</translation>
    </message>
    <message numerus="yes">
        <location line="+10"/>
        <source>%n object(s) not taken; they are sent again next time.</source>
        <translation>
            <numerusform>%n Objekt nicht angenommen; es wird beim nächsten Mal erneut gesendet.</numerusform>
            <numerusform>%n Objekte nicht angenommen; sie werden beim nächsten Mal erneut gesendet.</numerusform>
        </translation>
    </message>
    <message>
        <location line="+17"/>
        <source>The history in %1 cannot be read: %2</source>
        <translation>Der Verlauf in %1 kann nicht gelesen werden: %2</translation>
    </message>
</context>
<context>
    <name>msb::ui::LogDock</name>
    <message>
        <location filename="../ui/views/logdock.cpp" line="+66"/>
        <source>Log</source>
        <translation>Protokoll</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>%1 and above</source>
        <translation>%1 und höher</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Minimum log level</source>
        <translation>Minimale Protokollstufe</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Search the log</source>
        <translation>Im Protokoll suchen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Log search</source>
        <translation>Protokollsuche</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Follow</source>
        <translation>Mitlaufen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Keep the newest line in view</source>
        <translation>Die neueste Zeile sichtbar halten</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Log lines</source>
        <translation>Protokollzeilen</translation>
    </message>
</context>
<context>
    <name>msb::ui::LogModel</name>
    <message>
        <location filename="../ui/models/logmodel.cpp" line="+121"/>
        <source>trace</source>
        <translation>Ablauf</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>debug</source>
        <translation>Debug</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>info</source>
        <translation>Info</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>warning</source>
        <translation>Warnung</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>error</source>
        <translation>Fehler</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>critical</source>
        <translation>kritisch</translation>
    </message>
    <message>
        <location line="+54"/>
        <source>Time</source>
        <translation>Zeit</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Level</source>
        <translation>Stufe</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Source</source>
        <translation>Quelle</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Message</source>
        <translation>Meldung</translation>
    </message>
</context>
<context>
    <name>msb::ui::MainWindow</name>
    <message>
        <location filename="../ui/mainwindow.cpp" line="+180"/>
        <source>MISP Sentinel Bridge</source>
        <translation>MISP Sentinel Bridge</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;File</source>
        <translation>&amp;Datei</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Run</source>
        <translation>&amp;Ausführen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;View</source>
        <translation>An&amp;sicht</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Settings</source>
        <translation>&amp;Einstellungen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Help</source>
        <translation>&amp;Hilfe</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Main toolbar</source>
        <translation>Hauptwerkzeugleiste</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Open MISP folder…</source>
        <translation>MISP-Ordner ö&amp;ffnen…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Preview the MISP events of a local folder (a MISP feed or event files)</source>
        <translation>Die MISP-Events eines lokalen Ordners anzeigen (ein MISP-Feed oder Event-Dateien)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Export history as CSV…</source>
        <translation>Verlauf als CSV &amp;exportieren…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Quit</source>
        <translation>&amp;Beenden</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Fetch</source>
        <translation>A&amp;brufen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Fetch events from the profile&apos;s MISP source (%1)</source>
        <translation>Events aus der MISP-Quelle des Profils abrufen (%1)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Dry run</source>
        <translation>&amp;Probelauf</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Convert and show what each workspace would receive, without sending (%1)</source>
        <translation>Konvertieren und zeigen, was jeder Workspace erhalten würde, ohne zu senden (%1)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Sync</source>
        <translation>&amp;Synchronisieren</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Send the dry run&apos;s objects to every workspace of the profile (%1)</source>
        <translation>Die Objekte des Probelaufs an jeden Workspace des Profils senden (%1)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Cancel</source>
        <translation>Abbre&amp;chen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Stop the running step (%1)</source>
        <translation>Den laufenden Schritt anhalten (%1)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Setup &amp;wizard…</source>
        <translation>Einrichtungs&amp;assistent…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Create or import a profile: MISP source, tenants, workspaces, policy</source>
        <translation>Ein Profil anlegen oder importieren: MISP-Quelle, Mandanten, Workspaces, Richtlinie</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The setup wizard is not part of this build</source>
        <translation>Der Einrichtungsassistent ist nicht Teil dieses Builds</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Preferences…</source>
        <translation>&amp;Einstellungen…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;About MISP Sentinel Bridge</source>
        <translation>Ü&amp;ber MISP Sentinel Bridge</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Profile:</source>
        <translation>&amp;Profil:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Profile</source>
        <translation>Profil</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The profile: one MISP source, its Sentinel workspaces and the conversion policy</source>
        <translation>Das Profil: eine MISP-Quelle, ihre Sentinel-Workspaces und die Konvertierungsrichtlinie</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Preview</source>
        <translation>Vorschau</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Dry run</source>
        <translation>Probelauf</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>History</source>
        <translation>Verlauf</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Pages</source>
        <translation>Seiten</translation>
    </message>
    <message>
        <location line="+23"/>
        <source>Ready</source>
        <translation>Bereit</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Fetching…</source>
        <translation>Rufe ab…</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Dry run…</source>
        <translation>Probelauf…</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Syncing…</source>
        <translation>Synchronisiere…</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>No profile yet</source>
        <translation>Noch kein Profil</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>Open MISP folder</source>
        <translation>MISP-Ordner öffnen</translation>
    </message>
</context>
<context>
    <name>msb::ui::PlanStatus</name>
    <message>
        <location filename="../ui/desktypes.cpp" line="+12"/>
        <source>new</source>
        <translation>neu</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>changed</source>
        <translation>geändert</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>unchanged</source>
        <translation>unverändert</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>revoke</source>
        <translation>widerrufen</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>filtered</source>
        <translation>gefiltert</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>dropped</source>
        <translation>verworfen</translation>
    </message>
</context>
<context>
    <name>msb::ui::PreviewView</name>
    <message>
        <location filename="../ui/views/previewview.cpp" line="+141"/>
        <source>Search events (id, organisation, info, tags…)</source>
        <translation>Events suchen (ID, Organisation, Info, Tags…)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Event search</source>
        <translation>Eventsuche</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Events</source>
        <translation>Events</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Attributes of the selected event</source>
        <translation>Attribute des gewählten Events</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>STIX objects</source>
        <translation>STIX-Objekte</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>JSON of the selected object</source>
        <translation>JSON des gewählten Objekts</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Search STIX objects (type, pattern, labels, reason)</source>
        <translation>STIX-Objekte suchen (Typ, Muster, Labels, Grund)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>STIX search</source>
        <translation>STIX-Suche</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>All events</source>
        <translation>Alle Events</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Show the STIX objects of every event, not only the selected one</source>
        <translation>Die STIX-Objekte aller Events zeigen, nicht nur die des gewählten</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Attributes</source>
        <translation>Attribute</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>STIX</source>
        <translation>STIX</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>JSON</source>
        <translation>JSON</translation>
    </message>
    <message numerus="yes">
        <location line="+1"/>
        <source>%1 of %n event(s)</source>
        <translation>
            <numerusform>%1 von %n Event</numerusform>
            <numerusform>%1 von %n Events</numerusform>
        </translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Select a row in the STIX tab to see its JSON.</source>
        <translation>Wählen Sie eine Zeile im Reiter STIX, um ihr JSON zu sehen.</translation>
    </message>
</context>
<context>
    <name>msb::ui::SettingsDialog</name>
    <message>
        <location filename="../ui/dialogs/settingsdialog.cpp" line="+75"/>
        <source>Settings</source>
        <translation>Einstellungen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Language:</source>
        <translation>&amp;Sprache:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Log &amp;level:</source>
        <translation>&amp;Protokollstufe:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>System default</source>
        <translation>Systemstandard</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Language</source>
        <translation>Sprache</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Log level</source>
        <translation>Protokollstufe</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Profiles, MISP sources and Sentinel workspaces are set up with the setup wizard (Settings &gt; Setup wizard). Secrets are kept in the system keychain only.</source>
        <translation>Profile, MISP-Quellen und Sentinel-Workspaces werden mit dem Einrichtungsassistenten eingerichtet (Einstellungen &gt; Einrichtungsassistent). Geheimnisse liegen nur im Schlüsselbund des Systems.</translation>
    </message>
</context>
<context>
    <name>msb::ui::StixTableModel</name>
    <message>
        <location filename="../ui/models/stixtablemodel.cpp" line="+218"/>
        <source>no reason given</source>
        <translation>kein Grund angegeben</translation>
    </message>
    <message>
        <location line="+22"/>
        <source>MISP %1</source>
        <translation>MISP %1</translation>
    </message>
    <message>
        <location line="+58"/>
        <source>Type</source>
        <translation>Typ</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Pattern</source>
        <translation>Muster</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Valid from</source>
        <translation>Gültig ab</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Valid until</source>
        <translation>Gültig bis</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Confidence</source>
        <translation>Konfidenz</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Labels</source>
        <translation>Labels</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>TLP</source>
        <translation>TLP</translation>
    </message>
</context>
<context>
    <name>msb::ui::SyncDock</name>
    <message>
        <location filename="../ui/views/syncdock.cpp" line="+22"/>
        <source>%1 s</source>
        <translation>%1 s</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>%1 min %2 s</source>
        <translation>%1 min %2 s</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>%1 h %2 min</source>
        <translation>%1 h %2 min</translation>
    </message>
    <message>
        <location line="+39"/>
        <source>Sync</source>
        <translation>Synchronisation</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Cancel</source>
        <translation>Abbrechen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Cancel the sync</source>
        <translation>Die Synchronisation abbrechen</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>No sync running. Press Sync after a dry run.</source>
        <translation>Keine Synchronisation aktiv. Drücken Sie nach einem Probelauf auf „Synchronisieren“.</translation>
    </message>
    <message>
        <location line="+2"/>
        <location line="+25"/>
        <source>Progress of %1</source>
        <translation>Fortschritt von %1</translation>
    </message>
    <message numerus="yes">
        <location line="+19"/>
        <source>Syncing to %n target(s)…</source>
        <translation>
            <numerusform>Synchronisiere mit %n Ziel…</numerusform>
            <numerusform>Synchronisiere mit %n Zielen…</numerusform>
        </translation>
    </message>
    <message>
        <location line="+28"/>
        <source>%1 of %2 · accepted %3 · rejected %4 · retrying %5</source>
        <translation>%1 von %2 · angenommen %3 · abgelehnt %4 · wiederholt %5</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>done</source>
        <translation>fertig</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>%1 objects/s · ETA %2</source>
        <translation>%1 Objekte/s · Restzeit %2</translation>
    </message>
    <message>
        <location line="+25"/>
        <source>Sync cancelled: %1 accepted, %2 rejected.</source>
        <translation>Synchronisation abgebrochen: %1 angenommen, %2 abgelehnt.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Sync finished: %1 accepted, %2 rejected.</source>
        <translation>Synchronisation beendet: %1 angenommen, %2 abgelehnt.</translation>
    </message>
</context>
<context>
    <name>msb::ui::wizard::BusyRow</name>
    <message>
        <location filename="../ui/wizard/busyrow.cpp" line="+15"/>
        <source>Cancel test</source>
        <translation>Test abbrechen</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Test %1</source>
        <translation>%1 testen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Cancel the %1 test</source>
        <translation>Test der %1 abbrechen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>%1 test in progress</source>
        <translation>Test der %1 läuft</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>%1 test result</source>
        <translation>Ergebnis des Tests der %1</translation>
    </message>
    <message>
        <location line="+32"/>
        <source>Testing…</source>
        <translation>Teste…</translation>
    </message>
</context>
<context>
    <name>msb::ui::wizard::MispPage</name>
    <message>
        <location filename="../ui/wizard/mispage.cpp" line="+25"/>
        <source>MISP server</source>
        <translation>MISP-Server</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>MISP feed (directory or URL, no key)</source>
        <translation>MISP-Feed (Verzeichnis oder URL, kein Schlüssel)</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>&amp;Test connection</source>
        <translation>Verbindung &amp;testen</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>MISP connection</source>
        <translation>MISP-Verbindung</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The server&apos;s certificate is not trusted</source>
        <translation>Dem Zertifikat des Servers wird nicht vertraut</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Pin this certificate</source>
        <translation>Dieses Zertifikat &amp;pinnen</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>MISP</source>
        <translation>MISP</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Where the threat intelligence comes from. A read-only API key is enough.</source>
        <translation>Woher die Threat Intelligence kommt. Ein API-Schlüssel mit Lesezugriff genügt.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Source is a MISP server</source>
        <translation>Quelle ist ein MISP-Server</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Source is a MISP feed</source>
        <translation>Quelle ist ein MISP-Feed</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>MISP URL</source>
        <translation>MISP-URL</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>MISP API key</source>
        <translation>MISP-API-Schlüssel</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>stored in the system keychain</source>
        <translation>wird im Schlüsselbund des Systems gespeichert</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Feed directory</source>
        <translation>Feed-Verzeichnis</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>local feed directory (or leave empty and give a feed URL above)</source>
        <translation>lokales Feed-Verzeichnis (oder leer lassen und oben eine Feed-URL angeben)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>CA certificate file</source>
        <translation>CA-Zertifikatsdatei</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>optional PEM file of a private CA</source>
        <translation>optionale PEM-Datei einer privaten CA</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Pinned certificate SHA-256</source>
        <translation>SHA-256 des gepinnten Zertifikats</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>optional: SHA-256 of the server certificate</source>
        <translation>optional: SHA-256 des Serverzertifikats</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Certificate details</source>
        <translation>Zertifikatsdetails</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Pin this certificate</source>
        <translation>Dieses Zertifikat pinnen</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Problem on this page</source>
        <translation>Problem auf dieser Seite</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>&amp;URL:</source>
        <translation>&amp;URL:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>API &amp;key:</source>
        <translation>API-&amp;Schlüssel:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Feed &amp;directory:</source>
        <translation>Feed-&amp;Verzeichnis:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;CA file:</source>
        <translation>&amp;CA-Datei:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Certificate p&amp;in:</source>
        <translation>Zertifikats-P&amp;in:</translation>
    </message>
    <message>
        <location line="+25"/>
        <source>Certificate pinned. Test again to confirm the connection.</source>
        <translation>Zertifikat gepinnt. Testen Sie erneut, um die Verbindung zu bestätigen.</translation>
    </message>
    <message>
        <location line="+49"/>
        <source>MISP API key is empty.</source>
        <translation>Der MISP-API-Schlüssel ist leer.</translation>
    </message>
    <message>
        <location line="+38"/>
        <source>Test cancelled.</source>
        <translation>Test abgebrochen.</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Connected to MISP %1 as %2, organisation %3, role %4.</source>
        <translation>Verbunden mit MISP %1 als %2, Organisation %3, Rolle %4.</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Subject: %1
Issuer: %2
Valid from %3 to %4
SHA-256: %5
Refused because: %6

Pin it only if you have checked the SHA-256 with the MISP administrator.</source>
        <translation>Inhaber: %1
Aussteller: %2
Gültig von %3 bis %4
SHA-256: %5
Abgelehnt, weil: %6

Pinnen Sie es nur, wenn Sie den SHA-256 mit der MISP-Administration abgeglichen haben.</translation>
    </message>
</context>
<context>
    <name>msb::ui::wizard::PolicyPage</name>
    <message>
        <location filename="../ui/wizard/policypage.cpp" line="+27"/>
        <source>Only attributes marked for detection (to_ids)</source>
        <translation>Nur zur Erkennung markierte Attribute (to_ids)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Drop private, loopback and reserved IP addresses</source>
        <translation>Private, Loopback- und reservierte IP-Adressen verwerfen</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Filters and policy</source>
        <translation>Filter und Richtlinie</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Which MISP events are fetched and how indicators are built.</source>
        <translation>Welche MISP-Events abgerufen und wie Indikatoren gebildet werden.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>MISP event filters (JSON)</source>
        <translation>MISP-Eventfilter (JSON)</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Events per page</source>
        <translation>Events pro Seite</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>never (unless MISP says so)</source>
        <translation>nie (außer MISP gibt es vor)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source> days</source>
        <translation> Tage</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Default expiry in days</source>
        <translation>Standardablauf in Tagen</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>not set</source>
        <translation>nicht gesetzt</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Default confidence</source>
        <translation>Standardkonfidenz</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>none</source>
        <translation>keine</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Default TLP</source>
        <translation>Standard-TLP</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Only to_ids attributes</source>
        <translation>Nur to_ids-Attribute</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Drop private addresses</source>
        <translation>Private Adressen verwerfen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Tag prefixes not copied to labels</source>
        <translation>Tag-Präfixe, die nicht in Labels übernommen werden</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>comma separated, e.g. misp-galaxy:, workflow:</source>
        <translation>durch Kommas getrennt, z. B. misp-galaxy:, workflow:</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Problem on this page</source>
        <translation>Problem auf dieser Seite</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>MISP event &amp;filters (JSON):</source>
        <translation>MISP-Event&amp;filter (JSON):</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Events per &amp;page:</source>
        <translation>Events pro &amp;Seite:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Default e&amp;xpiry:</source>
        <translation>Standard&amp;ablauf:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Default &amp;confidence:</source>
        <translation>Standard&amp;konfidenz:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Default &amp;TLP:</source>
        <translation>Standard-&amp;TLP:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Labels: skip tags starting with:</source>
        <translation>&amp;Labels: Tags überspringen, die beginnen mit:</translation>
    </message>
    <message>
        <location line="+34"/>
        <source>MISP event filters: not a JSON object (%1 at character %2).</source>
        <translation>MISP-Eventfilter: kein JSON-Objekt (%1 bei Zeichen %2).</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>wrong type</source>
        <translation>falscher Typ</translation>
    </message>
</context>
<context>
    <name>msb::ui::wizard::SetupWizard</name>
    <message>
        <location filename="../ui/wizard/setupwizard.cpp" line="+49"/>
        <source>MISP API key</source>
        <translation>MISP-API-Schlüssel</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>client secret of app %1</source>
        <translation>geheimer Clientschlüssel der App %1</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Set up MISP Sentinel Bridge</source>
        <translation>MISP Sentinel Bridge einrichten</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Setup wizard</source>
        <translation>Einrichtungsassistent</translation>
    </message>
    <message>
        <location line="+42"/>
        <source>Saving: writing secrets to the %1…</source>
        <translation>Speichern: schreibe Geheimnisse in: %1…</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>The %1 could not be stored, so nothing was saved: %2</source>
        <translation>Der Wert „%1“ konnte nicht abgelegt werden, daher wurde nichts gespeichert: %2</translation>
    </message>
</context>
<context>
    <name>msb::ui::wizard::SummaryPage</name>
    <message>
        <location filename="../ui/wizard/summarypage.cpp" line="+20"/>
        <source>Summary</source>
        <translation>Zusammenfassung</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Finish saves the profile and stores the secrets in the %1.</source>
        <translation>„Fertigstellen“ speichert das Profil und legt die Geheimnisse hier ab: %1.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Summary of the profile</source>
        <translation>Zusammenfassung des Profils</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Save status</source>
        <translation>Speicherstatus</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>Profile: %1</source>
        <translation>Profil: %1</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>MISP server: %1</source>
        <translation>MISP-Server: %1</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>  API key: none entered</source>
        <translation>  API-Schlüssel: keiner eingegeben</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>  API key: entered (will be stored in the %1)</source>
        <translation>  API-Schlüssel: eingegeben (wird abgelegt in: %1)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>MISP feed: %1</source>
        <translation>MISP-Feed: %1</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>  CA file: %1</source>
        <translation>  CA-Datei: %1</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>  Pinned certificate SHA-256: %1</source>
        <translation>  SHA-256 des gepinnten Zertifikats: %1</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>  Filters: %1</source>
        <translation>  Filter: %1</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>  Events per page: %1</source>
        <translation>  Events pro Seite: %1</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Sentinel workspaces (%1):</source>
        <translation>Sentinel-Workspaces (%1):</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>  %1: workspace %2, tenant %3, app %4, %5, source system %6</source>
        <translation>  %1: Workspace %2, Mandant %3, App %4, %5, Quellsystem %6</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>STIX objects API</source>
        <translation>STIX-Objekt-API</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>legacy API</source>
        <translation>alte API</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>    client secret: MISSING</source>
        <translation>    geheimer Clientschlüssel: FEHLT</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>    client secret: entered (will be stored in the %1)</source>
        <translation>    geheimer Clientschlüssel: eingegeben (wird abgelegt in: %1)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>    token endpoint host: %1</source>
        <translation>    Host des Token-Endpunkts: %1</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>    upload endpoint host: %1</source>
        <translation>    Host des Upload-Endpunkts: %1</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Policy:</source>
        <translation>Richtlinie:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>  only to_ids attributes: %1</source>
        <translation>  nur to_ids-Attribute: %1</translation>
    </message>
    <message>
        <location line="+0"/>
        <location line="+1"/>
        <source>yes</source>
        <translation>ja</translation>
    </message>
    <message>
        <location line="-1"/>
        <location line="+1"/>
        <source>no</source>
        <translation>nein</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>  drop private addresses: %1</source>
        <translation>  private Adressen verwerfen: %1</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>  default expiry: %1</source>
        <translation>  Standardablauf: %1</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+3"/>
        <source>none</source>
        <translation>keine</translation>
    </message>
    <message>
        <location line="-3"/>
        <source>%1 days</source>
        <translation>%1 Tage</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>  default confidence: %1</source>
        <translation>  Standardkonfidenz: %1</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>not set</source>
        <translation>nicht gesetzt</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>  default TLP: %1</source>
        <translation>  Standard-TLP: %1</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Import notes:</source>
        <translation>Hinweise zum Import:</translation>
    </message>
</context>
<context>
    <name>msb::ui::wizard::TenantPage</name>
    <message>
        <location filename="../ui/wizard/tenantpage.cpp" line="-113"/>
        <source>Advanced: token and upload endpoints (proxy or local sandbox)</source>
        <translation>Erweitert: Token- und Upload-Endpunkte (Proxy oder lokale Sandbox)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&amp;Test sign-in</source>
        <translation>Anmeldung &amp;testen</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>tenant sign-in</source>
        <translation>Mandantenanmeldung</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Tenant and app registration</source>
        <translation>Mandant und App-Registrierung</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The Entra ID app that may write threat intelligence to Sentinel (role Microsoft Sentinel Contributor on the workspace).</source>
        <translation>Die Entra-ID-App, die Threat Intelligence nach Sentinel schreiben darf (Rolle „Microsoft Sentinel-Mitwirkender“ auf dem Workspace).</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Azure (public)</source>
        <translation>Azure (öffentlich)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Azure US Government</source>
        <translation>Azure US Government</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Azure cloud</source>
        <translation>Azure-Cloud</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Tenant ID</source>
        <translation>Mandanten-ID</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Directory (tenant) ID, a GUID</source>
        <translation>Verzeichnis-ID (Mandanten-ID), eine GUID</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Client ID</source>
        <translation>Client-ID</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Application (client) ID, a GUID</source>
        <translation>Anwendungs-ID (Client-ID), eine GUID</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Client secret</source>
        <translation>Geheimer Clientschlüssel</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>the secret&apos;s value (not its ID); stored in the system keychain</source>
        <translation>der Wert des Geheimnisses (nicht seine ID); wird im Schlüsselbund des Systems gespeichert</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Token endpoint host</source>
        <translation>Host des Token-Endpunkts</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>empty: the cloud&apos;s own sign-in host</source>
        <translation>leer: der Anmeldehost der Cloud</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Upload endpoint host</source>
        <translation>Host des Upload-Endpunkts</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>empty: the cloud&apos;s own Sentinel API host</source>
        <translation>leer: der Sentinel-API-Host der Cloud</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Problem on this page</source>
        <translation>Problem auf dieser Seite</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Token &amp;host:</source>
        <translation>Token-&amp;Host:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>U&amp;pload host:</source>
        <translation>U&amp;pload-Host:</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>C&amp;loud:</source>
        <translation>&amp;Cloud:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>T&amp;enant ID:</source>
        <translation>&amp;Mandanten-ID:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>C&amp;lient ID:</source>
        <translation>C&amp;lient-ID:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Client &amp;secret:</source>
        <translation>Geheimer Client&amp;schlüssel:</translation>
    </message>
    <message>
        <location line="+60"/>
        <source>Tenant ID &quot;%1&quot; is not a GUID (Directory (tenant) ID in the app&apos;s overview).</source>
        <translation>Die Mandanten-ID „%1“ ist keine GUID (Verzeichnis-ID (Mandanten-ID) in der Übersicht der App).</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Client ID &quot;%1&quot; is not a GUID (Application (client) ID in the app&apos;s overview).</source>
        <translation>Die Client-ID „%1“ ist keine GUID (Anwendungs-ID (Client-ID) in der Übersicht der App).</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Client secret is empty.</source>
        <translation>Der geheime Clientschlüssel ist leer.</translation>
    </message>
    <message numerus="yes">
        <location line="+97"/>
        <source>Signed in: the app received a token (valid for %n more minute(s)).</source>
        <translation>
            <numerusform>Angemeldet: die App hat ein Token erhalten (noch %n Minute gültig).</numerusform>
            <numerusform>Angemeldet: die App hat ein Token erhalten (noch %n Minuten gültig).</numerusform>
        </translation>
    </message>
    <message>
        <location line="+4"/>
        <location line="+17"/>
        <source>Test cancelled.</source>
        <translation>Test abgebrochen.</translation>
    </message>
</context>
<context>
    <name>msb::ui::wizard::WelcomePage</name>
    <message>
        <location filename="../ui/wizard/welcomepage.cpp" line="+35"/>
        <source>%1 could not be read: %2</source>
        <translation>%1 konnte nicht gelesen werden: %2</translation>
    </message>
    <message>
        <location line="+22"/>
        <location line="+17"/>
        <source>Set up a new profile</source>
        <translation>Ein neues Profil einrichten</translation>
    </message>
    <message>
        <location line="-16"/>
        <source>Import an existing misp2sentinel set-up</source>
        <translation>Eine vorhandene misp2sentinel-Einrichtung importieren</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Browse…</source>
        <translation>Durchsuchen…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Import</source>
        <translation>Importieren</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Welcome</source>
        <translation>Willkommen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>This wizard connects a MISP instance to one or more Microsoft Sentinel workspaces. Secrets go to the system keychain, never to a file or a log.</source>
        <translation>Dieser Assistent verbindet eine MISP-Instanz mit einem oder mehreren Microsoft-Sentinel-Workspaces. Geheimnisse kommen in den Schlüsselbund des Systems, nie in eine Datei oder ein Protokoll.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Profile name</source>
        <translation>Profilname</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Import a misp2sentinel set-up</source>
        <translation>Eine misp2sentinel-Einrichtung importieren</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>tenants secret (JSON)</source>
        <translation>tenants-Geheimnis (JSON)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Azure Function app settings (az functionapp config appsettings list)</source>
        <translation>App-Einstellungen der Azure Function (az functionapp config appsettings list)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>config.py (values are read, never executed)</source>
        <translation>config.py (Werte werden gelesen, nie ausgeführt)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>What to import</source>
        <translation>Was importiert wird</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+1"/>
        <source>File to import</source>
        <translation>Zu importierende Datei</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+44"/>
        <source>Choose the file to import</source>
        <translation>Die zu importierende Datei wählen</translation>
    </message>
    <message>
        <location line="-43"/>
        <source>Import the file</source>
        <translation>Die Datei importieren</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Import notes</source>
        <translation>Hinweise zum Import</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>What was imported and what was left out will be listed here.</source>
        <translation>Was importiert und was ausgelassen wurde, wird hier aufgeführt.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Problem on this page</source>
        <translation>Problem auf dieser Seite</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Profile &amp;name:</source>
        <translation>Profil&amp;name:</translation>
    </message>
    <message>
        <location line="+50"/>
        <source>Reading %1…</source>
        <translation>Lese %1…</translation>
    </message>
    <message numerus="yes">
        <location line="+32"/>
        <source>Imported %n target(s) and %1 secret(s).</source>
        <translation>
            <numerusform>%n Ziel und %1 Geheimnis(se) importiert.</numerusform>
            <numerusform>%n Ziele und %1 Geheimnis(se) importiert.</numerusform>
        </translation>
    </message>
    <message>
        <location line="+21"/>
        <source>Profile name &quot;%1&quot; is not allowed: use 1-64 letters, digits, spaces, &apos;.&apos;, &apos;_&apos; or &apos;-&apos;.</source>
        <translation>Der Profilname „%1“ ist nicht erlaubt: verwenden Sie 1-64 Buchstaben, Ziffern, Leerzeichen, „.“, „_“ oder „-“.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>A profile named &quot;%1&quot; exists already; Finish will replace it. Press Next again to continue.</source>
        <translation>Ein Profil namens „%1“ existiert bereits; „Fertigstellen“ ersetzt es. Drücken Sie erneut „Weiter“, um fortzufahren.</translation>
    </message>
</context>
<context>
    <name>msb::ui::wizard::WorkspacesPage</name>
    <message>
        <location filename="../ui/wizard/workspacespage.cpp" line="+31"/>
        <source>&amp;Add workspace</source>
        <translation>Workspace &amp;hinzufügen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Remove selected</source>
        <translation>Auswahl &amp;entfernen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Add another &amp;tenant…</source>
        <translation>Weiteren &amp;Mandanten hinzufügen…</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Sentinel workspaces</source>
        <translation>Sentinel-Workspaces</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Each workspace receives the indicators. Several workspaces may share a tenant and app.</source>
        <translation>Jeder Workspace erhält die Indikatoren. Mehrere Workspaces können sich einen Mandanten und eine App teilen.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Workspace display name</source>
        <translation>Anzeigename des Workspace</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>e.g. SOC production</source>
        <translation>z. B. SOC Produktion</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+11"/>
        <source>Workspace ID</source>
        <translation>Workspace-ID</translation>
    </message>
    <message>
        <location line="-10"/>
        <source>Log Analytics workspace ID, a GUID</source>
        <translation>Log-Analytics-Workspace-ID, eine GUID</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>STIX objects upload API (current)</source>
        <translation>Upload-API für STIX-Objekte (aktuell)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Legacy upload-indicators API</source>
        <translation>Alte Upload-Indicators-API</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Upload API</source>
        <translation>Upload-API</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+6"/>
        <source>Source system</source>
        <translation>Quellsystem</translation>
    </message>
    <message>
        <location line="-5"/>
        <source>Add workspace</source>
        <translation>Workspace hinzufügen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Remove the selected workspace</source>
        <translation>Den ausgewählten Workspace entfernen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Add another tenant</source>
        <translation>Weiteren Mandanten hinzufügen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Workspaces</source>
        <translation>Workspaces</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Tenant</source>
        <translation>Mandant</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>API</source>
        <translation>API</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Problem on this page</source>
        <translation>Problem auf dieser Seite</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&amp;Name:</source>
        <translation>&amp;Name:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Workspace ID:</source>
        <translation>Wor&amp;kspace-ID:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Upload API:</source>
        <translation>&amp;Upload-API:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Source s&amp;ystem:</source>
        <translation>Quells&amp;ystem:</translation>
    </message>
    <message>
        <location line="+34"/>
        <source>New workspaces use tenant %1 with app %2.</source>
        <translation>Neue Workspaces verwenden den Mandanten %1 mit der App %2.</translation>
    </message>
    <message>
        <location line="+2"/>
        <location line="+28"/>
        <location line="+21"/>
        <source>Sentinel %1</source>
        <translation>Sentinel %1</translation>
    </message>
    <message>
        <location line="-32"/>
        <source>Enter a tenant and app first (Back).</source>
        <translation>Geben Sie zuerst einen Mandanten und eine App ein (Zurück).</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Workspace ID &quot;%1&quot; is not a GUID (Log Analytics workspace → Overview → Workspace ID).</source>
        <translation>Die Workspace-ID „%1“ ist keine GUID (Log-Analytics-Workspace → Übersicht → Workspace-ID).</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>Workspace %1 is listed already.</source>
        <translation>Workspace %1 ist bereits aufgeführt.</translation>
    </message>
    <message>
        <location line="+28"/>
        <source>STIX objects</source>
        <translation>STIX-Objekte</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>legacy</source>
        <translation>alt</translation>
    </message>
    <message>
        <location line="+34"/>
        <source>Target %1 (%2): no client secret for app %3 in tenant %4; add the tenant again.</source>
        <translation>Ziel %1 (%2): kein geheimer Clientschlüssel für App %3 im Mandanten %4; fügen Sie den Mandanten erneut hinzu.</translation>
    </message>
</context>
</TS>
