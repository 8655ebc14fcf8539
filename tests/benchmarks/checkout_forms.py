"""What the simulated guest types at checkout (locustfile.py and journey_costs.py send the same forms)."""

GUEST = {"username": "load@example.com", "options": "anonymous"}
ADDRESS = {
    "first_name": "Load",
    "last_name": "Test",
    "line1": "Enghelab Street 1",
    "line4": "Tehran",
    "postcode": "",
    "country": "IR",
    "phone_number": "",
}
