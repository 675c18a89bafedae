# misp2sentinel config.py
import os
from azure.identity import DefaultAzureCredential

ms_auth = {
    'tenant': '@TENANT@',
    'client_id': '@CLIENT@',
    'client_secret': 'py-client-secret-123',   # inline comment
    'scope': 'https://management.azure.com/.default',
    'new_upload_api': True,
    'workspace_id': '@WORKSPACE@'
}
ms_auth["subscription_id"] = "sub"
ms_api_version = "2024-02-01-preview"
ms_max_indicators_request = 100
misp_key = 'py-misp-key-456'
misp_domain = 'https://misp.example.org'
misp_verifycert = False
misp_event_filters = {
    "published": 1,
    "tags": [ "workflow:state=\"complete\""],
    "enforceWarninglist": True,
    "includeEventTags": True,
    "publish_timestamp": "14d",
}
misp_event_limit_per_page = 50
days_to_expire = 50
days_to_expire_start = "current_date"
days_to_expire_mapping = {
    "ipv4-addr": 180,
    "domain-name": 180,
    "url": 365,
    "file:hashes": 90,
}
default_confidence = 70
ignore_localtags = True
sourcesystem = "MISP-EU"
log_file = os.path.join(os.getenv("TMP", "/tmp"), "misp2sentinel.log")
dry_run = False
if os.getenv("X"):
    misp_key = "never-read"
whatever = 1
