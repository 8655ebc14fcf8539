"""Django admin for quality certification: standards editable; the audit trail read-only.

Applications and certificates change state only through quality.workflow (which
writes the audit trail), so the admin shows them without letting anyone edit
their state by hand.
"""

from django.contrib import admin

from .models import AuditEntry, Certificate, CertificationApplication, ChecklistItem, Standard


class ChecklistItemInline(admin.TabularInline):
    model = ChecklistItem
    fields = ["position", "text_fa", "text_en", "evidence_required_fa", "evidence_required_en"]
    extra = 0


@admin.register(Standard)
class StandardAdmin(admin.ModelAdmin):
    list_display = ["code", "title", "product_class", "validity_days", "is_active"]
    list_filter = ["is_active", "product_class"]
    search_fields = ["code", "title_fa", "title_en"]
    fields = ["code", "title_fa", "title_en", "product_class", "validity_days", "is_active"]
    inlines = [ChecklistItemInline]


class ReadOnlyAdmin(admin.ModelAdmin):
    """Look, never touch: rows here change only through the workflow."""

    def has_add_permission(self, request, obj=None):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False


@admin.register(CertificationApplication)
class CertificationApplicationAdmin(ReadOnlyAdmin):
    list_display = ["pk", "product", "producer", "standard", "state", "submitted_at", "officer"]
    list_filter = ["state", "standard__product_class"]
    list_select_related = ["product", "producer", "standard", "officer"]
    search_fields = ["product__title", "producer__name"]


@admin.register(Certificate)
class CertificateAdmin(ReadOnlyAdmin):
    list_display = ["number", "product", "producer", "status", "valid_from", "valid_until"]
    list_filter = ["status", "standard"]
    list_select_related = ["product", "producer"]
    search_fields = ["number", "product__title", "producer__name"]


@admin.register(AuditEntry)
class AuditEntryAdmin(ReadOnlyAdmin):
    """Append-only: no add, change or delete, not even for superusers."""

    list_display = ["created_at", "action", "actor", "application", "certificate", "from_state", "to_state"]
    list_filter = ["action"]
    list_select_related = ["actor", "application", "certificate"]
    search_fields = ["reason", "certificate__number"]
    date_hierarchy = "created_at"
