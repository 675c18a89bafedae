# SPDX-License-Identifier: BSD-2-Clause
# Installation layout and CPack: a Debian package on Linux (built and checked in CI by
# installer/check-package.sh), NSIS/WiX on Windows and a DragNDrop image on macOS (configured
# here, built only on those platforms: CPack cannot cross-package). See README "Installing".
include(GNUInstallDirs)

set(MSB_APP_ID "io.github.mispsentinelbridge.MispSentinelBridge")
set(MSB_INSTALLER_DIR "${CMAKE_CURRENT_LIST_DIR}")

if(UNIX AND NOT APPLE)
    install(FILES "${MSB_INSTALLER_DIR}/linux/${MSB_APP_ID}.desktop"
            DESTINATION "${CMAKE_INSTALL_DATADIR}/applications")
    install(FILES "${MSB_INSTALLER_DIR}/linux/${MSB_APP_ID}.metainfo.xml"
            DESTINATION "${CMAKE_INSTALL_DATADIR}/metainfo")
    install(FILES "${PROJECT_SOURCE_DIR}/resources/icons/app.svg"
            DESTINATION "${CMAKE_INSTALL_DATADIR}/icons/hicolor/scalable/apps"
            RENAME "${MSB_APP_ID}.svg")
    # Scheduling examples (README "Scheduling"), shipped as documentation, not enabled.
    install(DIRECTORY "${MSB_INSTALLER_DIR}/systemd/"
            DESTINATION "${CMAKE_INSTALL_DOCDIR}/examples/systemd")
    install(FILES "${MSB_INSTALLER_DIR}/kubernetes/cronjob.yaml"
            DESTINATION "${CMAKE_INSTALL_DOCDIR}/examples/kubernetes")
    # The compiled translations (also embedded in the executable, which loads them from there):
    # shipped as files too, for translators and distributions that check what a package speaks.
    install(DIRECTORY "${CMAKE_BINARY_DIR}/translations/"
            DESTINATION "${CMAKE_INSTALL_DATADIR}/misp-sentinel-bridge/translations" OPTIONAL
            FILES_MATCHING PATTERN "*.qm"
            PATTERN "CMakeFiles" EXCLUDE)

    # PNG icons rendered from the SVG at build time with Qt's own SVG renderer.
    if(TARGET Qt6::Svg AND TARGET Qt6::Gui)
        qt_add_executable(msb-render-icon "${MSB_INSTALLER_DIR}/tools/rendericon.cpp")
        target_link_libraries(msb-render-icon PRIVATE msb_options Qt6::Gui Qt6::Svg)
        set(MSB_PNG_ICONS)
        foreach(size 16 24 32 48 64 128 256 512)
            set(png "${CMAKE_BINARY_DIR}/icons/${size}/${MSB_APP_ID}.png")
            add_custom_command(OUTPUT "${png}"
                COMMAND ${CMAKE_COMMAND} -E make_directory "${CMAKE_BINARY_DIR}/icons/${size}"
                COMMAND msb-render-icon "${PROJECT_SOURCE_DIR}/resources/icons/app.svg" ${size} "${png}"
                DEPENDS msb-render-icon "${PROJECT_SOURCE_DIR}/resources/icons/app.svg"
                COMMENT "Rendering ${size}x${size} application icon"
                VERBATIM)
            list(APPEND MSB_PNG_ICONS "${png}")
            install(FILES "${png}" DESTINATION "${CMAKE_INSTALL_DATADIR}/icons/hicolor/${size}x${size}/apps")
        endforeach()
        add_custom_target(msb_icons ALL DEPENDS ${MSB_PNG_ICONS})
    endif()
endif()

set(CPACK_PACKAGE_NAME "misp-sentinel-bridge")
set(CPACK_PACKAGE_VENDOR "MISP Sentinel Bridge authors")
set(CPACK_PACKAGE_CONTACT "maintainers@misp-sentinel-bridge.example")
set(CPACK_PACKAGE_DESCRIPTION_SUMMARY "${PROJECT_DESCRIPTION}")
set(CPACK_PACKAGE_DESCRIPTION "MISP Sentinel Bridge takes threat intelligence from MISP (REST API or feeds),
converts it to STIX 2.1, previews it and uploads it to Microsoft Sentinel
workspaces without losing indicators. Desktop application and headless CLI.
Translations: English and German.")
set(CPACK_PACKAGE_HOMEPAGE_URL "${PROJECT_HOMEPAGE_URL}")
set(CPACK_PACKAGE_INSTALL_DIRECTORY "MISP Sentinel Bridge")
set(CPACK_PACKAGE_EXECUTABLES "misp-sentinel-bridge" "MISP Sentinel Bridge")
set(CPACK_RESOURCE_FILE_LICENSE "${PROJECT_SOURCE_DIR}/LICENSE")
set(CPACK_STRIP_FILES ON)

# --- Debian -------------------------------------------------------------------------------
set(CPACK_DEBIAN_FILE_NAME DEB-DEFAULT)
set(CPACK_DEBIAN_PACKAGE_SHLIBDEPS ON) # Qt 6, QtKeychain, spdlog, fmt runtime libraries
# Plugins shlibdeps cannot see: the ledger's SQLite driver (without it no sync can run) and the
# SVG image/icon plugins the window and icons use. Added to the shlibdeps list.
set(CPACK_DEBIAN_PACKAGE_DEPENDS "libqt6sql6-sqlite, libqt6svg6")
set(CPACK_DEBIAN_PACKAGE_SECTION "admin")
set(CPACK_DEBIAN_PACKAGE_PRIORITY "optional")
# QtKeychain dlopens libsecret, so shlibdeps cannot see it; without a secret service the app
# explains how to use the environment provider instead (README "Headless and containers").
# qt6-translations-l10n: Qt's own dialogs in the user's language.
set(CPACK_DEBIAN_PACKAGE_RECOMMENDS
    "libsecret-1-0, gnome-keyring | kwalletmanager, qt6-qpa-plugins, qt6-translations-l10n")
set(CPACK_DEBIAN_PACKAGE_SUGGESTS "desktop-file-utils")

# --- Windows (built on Windows only: NSIS and/or WiX must be installed there) -------------
set(CPACK_NSIS_DISPLAY_NAME "MISP Sentinel Bridge")
set(CPACK_NSIS_PACKAGE_NAME "MISP Sentinel Bridge")
set(CPACK_NSIS_ENABLE_UNINSTALL_BEFORE_INSTALL ON)
set(CPACK_NSIS_MODIFY_PATH ON) # the CLI is used from Task Scheduler
set(CPACK_NSIS_INSTALLED_ICON_NAME "bin\\\\misp-sentinel-bridge.exe")
set(CPACK_NSIS_URL_INFO_ABOUT "${PROJECT_HOMEPAGE_URL}")
# Fixed forever: lets a newer MSI replace an older one.
set(CPACK_WIX_UPGRADE_GUID "6E0B4C1A-3E8F-4C5B-9B57-2F6A8D1C7E42")
if(EXISTS "${MSB_INSTALLER_DIR}/windows/app.ico") # rendered on the Windows build machine, see windows/README.md
    set(CPACK_WIX_PRODUCT_ICON "${MSB_INSTALLER_DIR}/windows/app.ico")
endif()
set(CPACK_WIX_PROGRAM_MENU_FOLDER "MISP Sentinel Bridge")

# --- macOS (built on macOS only) ----------------------------------------------------------
set(CPACK_DMG_VOLUME_NAME "MISP Sentinel Bridge")
set(CPACK_DMG_FORMAT "UDZO")

if(WIN32)
    set(CPACK_GENERATOR "NSIS;WIX")
    include("${MSB_INSTALLER_DIR}/windows/WindowsDeploy.cmake" OPTIONAL)
elseif(APPLE)
    set(CPACK_GENERATOR "DragNDrop")
    include("${MSB_INSTALLER_DIR}/macos/MacDeploy.cmake" OPTIONAL)
else()
    set(CPACK_GENERATOR "DEB")
endif()
include(CPack)
