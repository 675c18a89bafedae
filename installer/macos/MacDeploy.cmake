# SPDX-License-Identifier: BSD-2-Clause
# macOS only (included from installer/Packaging.cmake): a bundle with the Qt frameworks inside,
# packed by CPack's DragNDrop generator into a .dmg.
if(TARGET misp-sentinel-bridge)
    set_target_properties(misp-sentinel-bridge PROPERTIES
        MACOSX_BUNDLE ON
        MACOSX_BUNDLE_GUI_IDENTIFIER "io.github.mispsentinelbridge.MispSentinelBridge"
        MACOSX_BUNDLE_BUNDLE_NAME "MISP Sentinel Bridge"
        MACOSX_BUNDLE_BUNDLE_VERSION "${PROJECT_VERSION}"
        MACOSX_BUNDLE_SHORT_VERSION_STRING "${PROJECT_VERSION}")
    install(TARGETS misp-sentinel-bridge BUNDLE DESTINATION .)
    qt_generate_deploy_app_script(
        TARGET misp-sentinel-bridge
        OUTPUT_SCRIPT msb_deploy_script
        NO_UNSUPPORTED_PLATFORM_ERROR)
    install(SCRIPT "${msb_deploy_script}")
endif()
