"""django-admin changes that belong to no single app.

django-taggit's tag admin adds a "merge tags" page that only checks `is_staff`: any staff member
(programme staff included) could create and merge the tags Wagtail's images and documents use.
It is registered again here with the tag change permission required.
"""

from django.contrib import admin
from django.core.exceptions import PermissionDenied
from taggit.admin import TagAdmin as TaggitTagAdmin  # importing it registers taggit's admin first
from taggit.models import Tag


class TagAdmin(TaggitTagAdmin):
    def merge_tags_view(self, request):
        if not self.has_change_permission(request):
            raise PermissionDenied
        return super().merge_tags_view(request)


admin.site.unregister(Tag)
admin.site.register(Tag, TagAdmin)
