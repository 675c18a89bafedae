# SPDX-License-Identifier: BSD-2-Clause
# CPack: Debian package here; Windows and macOS generators are configured in the installer issue.
set(CPACK_PACKAGE_NAME "misp-sentinel-bridge")
set(CPACK_PACKAGE_VENDOR "MISP Sentinel Bridge authors")
set(CPACK_PACKAGE_CONTACT "maintainers@misp-sentinel-bridge.example")
set(CPACK_PACKAGE_DESCRIPTION_SUMMARY "${PROJECT_DESCRIPTION}")
set(CPACK_RESOURCE_FILE_LICENSE "${PROJECT_SOURCE_DIR}/LICENSE")
set(CPACK_GENERATOR "DEB")
set(CPACK_DEBIAN_FILE_NAME DEB-DEFAULT)
set(CPACK_DEBIAN_PACKAGE_SHLIBDEPS ON)
set(CPACK_DEBIAN_PACKAGE_SECTION "admin")
set(CPACK_DEBIAN_PACKAGE_RECOMMENDS "libsecret-1-0, gnome-keyring | kwalletmanager, qt6-qpa-plugins")
include(CPack)
