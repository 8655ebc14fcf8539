"""The database backend's search documents.

Vendor-specific parts: on PostgreSQL the pg_trgm extension and two GIN indexes
(full-text vector, trigrams of the title); on SQLite two FTS5 tables over the
document table (external content), kept in sync by triggers.
"""

import django.contrib.postgres.indexes
import django.contrib.postgres.search
import django.db.models.deletion
from django.contrib.postgres.operations import TrigramExtension
from django.db import migrations, models

SQLITE_CREATE = [
    "CREATE VIRTUAL TABLE search_fts USING fts5("
    " title, body, content='search_searchdocument', content_rowid='product_id',"
    " tokenize='unicode61 remove_diacritics 2')",
    "CREATE VIRTUAL TABLE search_trigram USING fts5("
    " title, content='search_searchdocument', content_rowid='product_id', tokenize='trigram')",
    "CREATE TRIGGER search_document_ai AFTER INSERT ON search_searchdocument BEGIN"
    " INSERT INTO search_fts(rowid, title, body) VALUES (new.product_id, new.title, new.body);"
    " INSERT INTO search_trigram(rowid, title) VALUES (new.product_id, new.title);"
    " END",
    "CREATE TRIGGER search_document_ad AFTER DELETE ON search_searchdocument BEGIN"
    " INSERT INTO search_fts(search_fts, rowid, title, body) VALUES ('delete', old.product_id, old.title, old.body);"
    " INSERT INTO search_trigram(search_trigram, rowid, title) VALUES ('delete', old.product_id, old.title);"
    " END",
    "CREATE TRIGGER search_document_au AFTER UPDATE ON search_searchdocument BEGIN"
    " INSERT INTO search_fts(search_fts, rowid, title, body) VALUES ('delete', old.product_id, old.title, old.body);"
    " INSERT INTO search_trigram(search_trigram, rowid, title) VALUES ('delete', old.product_id, old.title);"
    " INSERT INTO search_fts(rowid, title, body) VALUES (new.product_id, new.title, new.body);"
    " INSERT INTO search_trigram(rowid, title) VALUES (new.product_id, new.title);"
    " END",
]
SQLITE_DROP = [
    "DROP TRIGGER IF EXISTS search_document_au",
    "DROP TRIGGER IF EXISTS search_document_ad",
    "DROP TRIGGER IF EXISTS search_document_ai",
    "DROP TABLE IF EXISTS search_trigram",
    "DROP TABLE IF EXISTS search_fts",
]


def _run_on_sqlite(statements):
    def run(apps, schema_editor):
        if schema_editor.connection.vendor == "sqlite":
            for statement in statements:
                schema_editor.execute(statement)

    return run


class AddIndexOnPostgreSQL(migrations.AddIndex):
    """A GIN index: PostgreSQL only (the state records it everywhere, so makemigrations stays quiet)."""

    def database_forwards(self, app_label, schema_editor, from_state, to_state):
        if schema_editor.connection.vendor == "postgresql":
            super().database_forwards(app_label, schema_editor, from_state, to_state)

    def database_backwards(self, app_label, schema_editor, from_state, to_state):
        if schema_editor.connection.vendor == "postgresql":
            super().database_backwards(app_label, schema_editor, from_state, to_state)


class Migration(migrations.Migration):
    initial = True

    dependencies = [
        ("catalogue", "0035_maker_content_version_attribute_ranges"),
    ]

    operations = [
        TrigramExtension(),  # a no-op on other databases
        migrations.CreateModel(
            name="SearchDocument",
            fields=[
                (
                    "product",
                    models.OneToOneField(
                        on_delete=django.db.models.deletion.CASCADE,
                        primary_key=True,
                        related_name="search_document",
                        serialize=False,
                        to="catalogue.product",
                        verbose_name="Product",
                    ),
                ),
                ("title", models.TextField(help_text="Both languages' titles, normalized.", verbose_name="Title text")),
                (
                    "body",
                    models.TextField(
                        help_text=(
                            "Descriptions, producer, maker, region, craft, category, brand and attribute text, "
                            "normalized."
                        ),
                        verbose_name="Body text",
                    ),
                ),
                ("search_vector", django.contrib.postgres.search.SearchVectorField(editable=False, null=True)),
                ("updated_at", models.DateTimeField(auto_now=True, verbose_name="Indexed")),
            ],
            options={
                "verbose_name": "Search document",
                "verbose_name_plural": "Search documents",
            },
        ),
        AddIndexOnPostgreSQL(
            model_name="searchdocument",
            index=django.contrib.postgres.indexes.GinIndex(fields=["search_vector"], name="search_document_vector"),
        ),
        AddIndexOnPostgreSQL(
            model_name="searchdocument",
            index=django.contrib.postgres.indexes.GinIndex(
                fields=["title"], name="search_document_title_trgm", opclasses=["gin_trgm_ops"]
            ),
        ),
        migrations.RunPython(_run_on_sqlite(SQLITE_CREATE), _run_on_sqlite(SQLITE_DROP), elidable=False),
    ]
