from __future__ import annotations

from django.contrib.auth import views as auth_views
from django.urls import include, path

from . import views, views_tokens
from .forms import LoginForm, ThaiPasswordChangeForm

account_patterns = [
    path(
        "login/",
        auth_views.LoginView.as_view(authentication_form=LoginForm, redirect_authenticated_user=True),
        name="login",
    ),
    path("logout/", auth_views.LogoutView.as_view(), name="logout"),
    path(
        "password/",
        auth_views.PasswordChangeView.as_view(form_class=ThaiPasswordChangeForm),
        name="password_change",
    ),
    path("password/done/", auth_views.PasswordChangeDoneView.as_view(), name="password_change_done"),
]

core_patterns = (
    [
        path("documents/", views.document_list, name="documents"),
        path("documents/request/", views.document_request, name="document_request"),
        path("documents/<int:pk>/retry/", views.document_retry, name="document_retry"),
        path("documents/<int:pk>/download/", views.document_download, name="document_download"),
        path("office/", views.office_profile_edit, name="office"),
        path("profile/", views.my_profile, name="profile"),
        path("profile/tokens/", views_tokens.api_token_list, name="api_tokens"),
        path("profile/tokens/new/", views_tokens.api_token_create, name="api_token_create"),
        path("profile/tokens/<int:pk>/revoke/", views_tokens.api_token_revoke, name="api_token_revoke"),
    ],
    "core",
)

urlpatterns = [
    path("", views.home_view, name="home"),
    path("healthz", views.healthz, name="healthz"),
    path("accounts/", include(account_patterns)),
    path("", include(core_patterns)),
]
