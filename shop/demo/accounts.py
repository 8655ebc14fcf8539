"""One demo account per role. The passwords are for the demo only and are printed by `load_demo`."""

from shop import roles

# The home producer whose login is the demo producer account (instead of a slug user).
PRODUCER_ACCOUNT_FOR = "arta-leather"

ACCOUNTS = [
    {
        "role": roles.CUSTOMER,
        "email": "customer@demo.example",
        "password": "demo-customer-1404",
        "first_name": "سپیده",
        "last_name": "کریمی",
        "groups": [],
    },
    {
        "role": roles.PRODUCER,
        "email": "producer@demo.example",
        "password": "demo-producer-1404",
        "first_name": "علی",
        "last_name": "محمدی",
        "groups": [roles.PRODUCERS_GROUP],
    },
    {
        "role": roles.QUALITY_OFFICER,
        "email": "officer@demo.example",
        "password": "demo-officer-1404",
        "first_name": "مهدی",
        "last_name": "صادقی",
        "groups": [roles.QUALITY_OFFICERS_GROUP],
    },
    {
        "role": roles.PROGRAMME_STAFF,
        "email": "staff@demo.example",
        "password": "demo-staff-1404",
        "first_name": "نسرین",
        "last_name": "عباسی",
        "is_staff": True,
        "groups": [roles.PROGRAMME_STAFF_GROUP],
    },
    {
        "role": roles.EDITOR,
        "email": "editor@demo.example",
        "password": "demo-editor-1404",
        "first_name": "پریسا",
        "last_name": "جعفری",
        "groups": [roles.EDITORS_GROUP],
    },
    {
        "role": "superuser",
        "email": "admin@demo.example",
        "password": "demo-admin-1404",
        "first_name": "مدیر",
        "last_name": "سامانه",
        "is_staff": True,
        "is_superuser": True,
        "groups": [],
    },
]
