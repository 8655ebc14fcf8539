"""Django admin for the producers app (programme staff's back office; the dashboard is the main tool).

Application events are append-only: the admin may list and read them, never change or delete them.
"""

from django.contrib import admin
from modeltranslation.admin import TranslationAdmin

from .models import (
    Application,
    ApplicationEvent,
    Brand,
    Course,
    Enrolment,
    LineShipment,
    NetworkMembership,
    Producer,
    Region,
)


@admin.register(Region)
class RegionAdmin(TranslationAdmin):
    list_display = ("name", "slug")
    search_fields = ("name_fa", "name_en", "slug")
    filter_horizontal = ("priority_crafts",)


@admin.register(Producer)
class ProducerAdmin(TranslationAdmin):
    list_display = ("name", "slug", "kind", "region", "is_active")
    list_filter = ("kind", "region", "is_active")
    search_fields = ("name_fa", "name_en", "slug")
    raw_id_fields = ("partner", "user")
    filter_horizontal = ("crafts",)


@admin.register(Brand)
class BrandAdmin(TranslationAdmin):
    list_display = ("name", "kind", "producer", "region")
    list_filter = ("kind", "region")
    search_fields = ("name_fa", "name_en", "slug")
    raw_id_fields = ("producer",)


@admin.register(NetworkMembership)
class NetworkMembershipAdmin(admin.ModelAdmin):
    list_display = ("lead", "member", "status", "invited_at", "responded_at")
    list_filter = ("status",)
    raw_id_fields = ("lead", "member")


class ApplicationEventInline(admin.TabularInline):
    model = ApplicationEvent
    extra = 0
    can_delete = False
    fields = ("created_at", "actor", "from_state", "to_state", "reason")
    readonly_fields = fields

    def has_add_permission(self, request, obj=None):
        return False

    def has_change_permission(self, request, obj=None):
        return False


@admin.register(Application)
class ApplicationAdmin(admin.ModelAdmin):
    """Read-only: applications change state only through the screening queue (producers.screening)."""

    list_display = ("pk", "full_name", "level", "registration_region", "state", "submitted_at")
    list_filter = ("state", "level", "registration_region")
    search_fields = ("full_name", "national_id", "user__email")
    inlines = [ApplicationEventInline]

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False


@admin.register(ApplicationEvent)
class ApplicationEventAdmin(admin.ModelAdmin):
    list_display = ("application", "from_state", "to_state", "actor", "created_at")
    list_filter = ("to_state",)

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False


@admin.register(Course)
class CourseAdmin(TranslationAdmin):
    list_display = ("title", "kind", "craft", "is_active")
    list_filter = ("kind", "is_active")
    filter_horizontal = ("required_for",)


@admin.register(Enrolment)
class EnrolmentAdmin(admin.ModelAdmin):
    list_display = ("producer", "course", "enrolled_at", "completed_at", "recorded_by")
    list_filter = ("course",)
    raw_id_fields = ("producer", "recorded_by")


@admin.register(LineShipment)
class LineShipmentAdmin(admin.ModelAdmin):
    list_display = ("line", "producer", "tracking_reference", "dispatched_at")
    raw_id_fields = ("line", "producer", "dispatched_by")
