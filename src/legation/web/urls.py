"""HTML pages."""

urlpatterns: list = []
