from django.urls import path
from oscar.apps.search import apps


class SearchConfig(apps.SearchConfig):
    """Oscar's search app, forked: one search backend interface (database or Elasticsearch) behind the
    search page, the catalogue and category pages and the header's suggestions; Haystack stays installed
    only because Oscar imports it."""

    name = "shop.search"

    def ready(self):
        from . import indexing, views

        self.search_view = views.SearchView
        self.suggest_view = views.SuggestView
        indexing.connect()

    def get_urls(self):
        urlpatterns = [
            path("", self.search_view.as_view(), name="search"),
            path("suggest/", self.suggest_view.as_view(), name="suggest"),
        ]
        return self.post_process_urls(urlpatterns)
