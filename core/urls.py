from __future__ import annotations

from django.contrib.auth import views as auth_views
from django.urls import include, path

from . import views, views_calendar, views_notifications, views_people, views_search, views_tokens
from .forms import LoginForm, ThaiPasswordChangeForm
from .forms_people import AdminSetPasswordForm

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
    # the one-time link the administrator makes on the people pages (core.services_people.account_reset_link)
    path(
        "reset/<uidb64>/<token>/",
        auth_views.PasswordResetConfirmView.as_view(form_class=AdminSetPasswordForm, post_reset_login=False),
        name="password_reset_confirm",
    ),
    path("reset/done/", auth_views.PasswordResetCompleteView.as_view(), name="password_reset_complete"),
]

core_patterns = (
    [
        path("documents/", views.document_list, name="documents"),
        path("documents/request/", views.document_request, name="document_request"),
        path("documents/<int:pk>/retry/", views.document_retry, name="document_retry"),
        path("documents/<int:pk>/download/", views.document_download, name="document_download"),
        path("office/", views.office_profile_edit, name="office"),
        path("manage/", views_people.reference_hub, name="reference"),
        path("manage/people/", views_people.account_list, name="people"),
        path("manage/people/new/", views_people.account_create, name="people_create"),
        path("manage/people/<int:pk>/", views_people.account_edit, name="people_account"),
        path("manage/people/<int:pk>/active/", views_people.account_set_active, name="people_set_active"),
        path("manage/people/<int:pk>/password/", views_people.account_password, name="people_password"),
        path("manage/people/<int:pk>/reset-link/", views_people.account_reset_link, name="people_reset_link"),
        path("profile/", views.my_profile, name="profile"),
        path("profile/tokens/", views_tokens.api_token_list, name="api_tokens"),
        path("profile/tokens/new/", views_tokens.api_token_create, name="api_token_create"),
        path("profile/tokens/<int:pk>/revoke/", views_tokens.api_token_revoke, name="api_token_revoke"),
        path("notifications/", views_notifications.notification_list, name="notifications"),
        path("notifications/bell/", views_notifications.bell, name="notification_bell"),
        path("notifications/<int:pk>/", views_notifications.notification_open, name="notification_open"),
        path("notifications/read-all/", views_notifications.notification_read_all, name="notification_read_all"),
        path("notifications/settings/", views_notifications.notification_settings, name="notification_settings"),
        path("notifications/line-code/", views_notifications.line_link_code, name="line_link_code"),
        path("search/", views_search.search, name="search"),
        path("calendar/", views_calendar.calendar_month, name="calendar"),
        path("calendar/feed/", views_calendar.calendar_feed_settings, name="calendar_feed_settings"),
        path("calendar/feed/renew/", views_calendar.calendar_feed_renew, name="calendar_feed_renew"),
        path("calendar/feed/revoke/", views_calendar.calendar_feed_revoke, name="calendar_feed_revoke"),
    ],
    "core",
)

urlpatterns = [
    path("", views.home_view, name="home"),
    path("healthz", views.healthz, name="healthz"),
    path("office-logo/", views.office_logo, name="office_logo"),
    path("line/webhook", views_notifications.line_webhook, name="line_webhook"),
    path("calendar/<str:token>.ics", views_calendar.calendar_feed, name="calendar_feed"),
    path("accounts/", include(account_patterns)),
    path("", include(core_patterns)),
]
