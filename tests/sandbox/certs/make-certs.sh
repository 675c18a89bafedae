#!/bin/sh
# SPDX-License-Identifier: BSD-2-Clause
# Generates the sandbox's TLS test material into $1 (run by CMake at configure time, once per build tree).
#   ca.pem / ca.key               test CA ("MSB Sandbox Test CA") that tests trust
#   ca2.pem / ca2.key             a second CA, never trusted ("wrong CA" cases)
#   good.pem / good.key           127.0.0.1 + localhost, signed by the test CA, valid for 10 years
#   untrusted.pem / untrusted.key 127.0.0.1 + localhost, self-signed
#   expired.pem / expired.key     127.0.0.1 + localhost, signed by the test CA, expired in 2021
#   wronghost.pem / wronghost.key wrong.example only, signed by the test CA
#   otherca.pem / otherca.key     127.0.0.1 + localhost, signed by the second CA
# Private keys are test-only material and never leave the build tree.
set -eu
out=${1:?usage: make-certs.sh OUTPUT_DIR}
mkdir -p "$out"
cd "$out"
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

ossl() { openssl "$@" 2>>"$work/log" || { cat "$work/log" >&2; exit 1; }; }

make_ca() { # name subject
    ossl req -x509 -newkey rsa:2048 -nodes -sha256 -days 7300 \
        -keyout "$1.key" -out "$1.pem" -subj "$2" \
        -addext "basicConstraints=critical,CA:TRUE" \
        -addext "keyUsage=critical,keyCertSign,cRLSign" \
        -addext "subjectKeyIdentifier=hash"
}

# leaf name cn san ca_name startdate enddate
make_leaf() {
    ossl req -new -newkey rsa:2048 -nodes -sha256 -keyout "$1.key" -out "$work/$1.csr" -subj "/O=MSB Sandbox/CN=$2"
    cat >"$work/$1.ext" <<EXT
basicConstraints=critical,CA:FALSE
keyUsage=critical,digitalSignature,keyEncipherment
extendedKeyUsage=serverAuth
subjectAltName=$3
subjectKeyIdentifier=hash
authorityKeyIdentifier=keyid
EXT
    rm -rf "$work/db" && mkdir -p "$work/db/new" && : >"$work/db/index.txt"
    cat >"$work/ca.cnf" <<CNF
[ ca ]
default_ca = sandbox
[ sandbox ]
database = $work/db/index.txt
new_certs_dir = $work/db/new
serial = $work/db/serial
default_md = sha256
policy = any
unique_subject = no
email_in_dn = no
[ any ]
organizationName = optional
commonName = supplied
CNF
    od -An -N8 -tx1 /dev/urandom | tr -d ' \n' >"$work/db/serial"
    echo >>"$work/db/serial"
    ossl ca -batch -notext -config "$work/ca.cnf" -cert "$4.pem" -keyfile "$4.key" \
        -in "$work/$1.csr" -out "$1.pem" -extfile "$work/$1.ext" -startdate "$5" -enddate "$6"
}

make_ca ca "/O=MSB Sandbox/CN=MSB Sandbox Test CA"
make_ca ca2 "/O=MSB Sandbox/CN=MSB Sandbox Other CA"
now=$(date -u +%Y%m%d000000Z)
later=$(date -u -d '+3650 days' +%Y%m%d000000Z)
make_leaf good 127.0.0.1 "IP:127.0.0.1,DNS:localhost" ca "$now" "$later"
make_leaf expired 127.0.0.1 "IP:127.0.0.1,DNS:localhost" ca 20200101000000Z 20210101000000Z
make_leaf wronghost wrong.example "DNS:wrong.example" ca "$now" "$later"
make_leaf otherca 127.0.0.1 "IP:127.0.0.1,DNS:localhost" ca2 "$now" "$later"
ossl req -x509 -newkey rsa:2048 -nodes -sha256 -days 3650 -keyout untrusted.key -out untrusted.pem \
    -subj "/O=MSB Sandbox Untrusted/CN=127.0.0.1" \
    -addext "subjectAltName=IP:127.0.0.1,DNS:localhost" -addext "extendedKeyUsage=serverAuth"
chmod 600 ./*.key
date -u >stamp
