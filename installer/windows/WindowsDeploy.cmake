# SPDX-License-Identifier: BSD-2-Clause
# Windows only (included from installer/Packaging.cmake): copies the Qt runtime next to the
# executable at install time so the NSIS/WiX packages are self-contained.
if(TARGET misp-sentinel-bridge)
    set_target_properties(misp-sentinel-bridge PROPERTIES WIN32_EXECUTABLE OFF) # the CLI needs a console
    qt_generate_deploy_app_script(
        TARGET misp-sentinel-bridge
        OUTPUT_SCRIPT msb_deploy_script
        NO_UNSUPPORTED_PLATFORM_ERROR)
    install(SCRIPT "${msb_deploy_script}")
endif()
