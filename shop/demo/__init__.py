"""Demo data for `manage.py load_demo`: provinces, crafts, producers, products, accounts and pictures.

The data lives in small modules (`regions`, `producers`, `products_*`, `accounts`);
`loader` turns it into rows, idempotently; `images` draws the pictures.
"""
