// SPDX-License-Identifier: BSD-2-Clause
#include "core/misp/misptypes.h"

#include "core/util/fixedstringmap.h"

#include <QString>

namespace msb::misp {

bool defaultToIds(QStringView type)
{
    // Types whose describeTypes sane default is to_ids = 1 (PyMISP 2.5.x data/describeTypes.json).
    static const FixedStringMap<bool> toIdsTypes = [] {
        FixedStringMap<bool> s;
        for (const char *t : { "md5",
                 "sha1",
                 "sha256",
                 "sha224",
                 "sha384",
                 "sha512",
                 "sha512/224",
                 "sha512/256",
                 "sha3-224",
                 "sha3-256",
                 "sha3-384",
                 "sha3-512",
                 "ssdeep",
                 "imphash",
                 "telfhash",
                 "impfuzzy",
                 "authentihash",
                 "vhash",
                 "pehash",
                 "tlsh",
                 "cdhash",
                 "filename",
                 "filename|md5",
                 "filename|sha1",
                 "filename|sha224",
                 "filename|sha256",
                 "filename|sha384",
                 "filename|sha512",
                 "filename|sha512/224",
                 "filename|sha512/256",
                 "filename|sha3-224",
                 "filename|sha3-256",
                 "filename|sha3-384",
                 "filename|sha3-512",
                 "filename|authentihash",
                 "filename|vhash",
                 "filename|ssdeep",
                 "filename|imphash",
                 "filename|impfuzzy",
                 "filename|pehash",
                 "filename|tlsh",
                 "ip-src",
                 "ip-dst",
                 "ip-src|port",
                 "ip-dst|port",
                 "hostname",
                 "hostname|port",
                 "domain",
                 "domain|ip",
                 "email",
                 "email-src",
                 "email-dst",
                 "eppn",
                 "email-attachment",
                 "url",
                 "uri",
                 "ja3-fingerprint-md5",
                 "jarm-fingerprint",
                 "hassh-md5",
                 "hasshserver-md5",
                 "favicon-mmh3",
                 "regkey",
                 "regkey|value",
                 "snort",
                 "bro",
                 "zeek",
                 "community-id",
                 "pattern-in-file",
                 "pattern-in-traffic",
                 "pattern-in-memory",
                 "filename-pattern",
                 "yara",
                 "stix2-pattern",
                 "sigma",
                 "malware-sample",
                 "mutex",
                 "x509-fingerprint-sha1",
                 "x509-fingerprint-md5",
                 "x509-fingerprint-sha256",
                 "btc",
                 "dash",
                 "xmr",
                 "iban",
                 "chrome-extension-id",
                 "mobile-application-id",
                 "dom-hash",
                 "onion-address",
                 "apk-package-name" })
            s.insert(QString::fromLatin1(t), true);
        return s;
    }();
    return toIdsTypes.contains(type);
}

} // namespace msb::misp
