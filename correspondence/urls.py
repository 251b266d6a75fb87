from __future__ import annotations

from django.urls import path

from . import urls_drafting, urls_schools
from .views import keeping, letters, phrases, registers

app_name = "correspondence"

urlpatterns = [
    path("", registers.index, name="index"),
    path("inbox/", registers.inbox, name="inbox"),
    path("registers/<slug:code>/", registers.register_list, name="register_list"),
    path("registers/<slug:code>/export.xlsx", registers.register_export, name="register_export"),
    path("receive/new/", registers.incoming_create, name="incoming_create"),
    path("drafts/", registers.draft_list, name="draft_list"),
    path("drafts/new/", registers.draft_create, name="draft_create"),
    path("counters/", registers.counters, name="counters"),
    path("letters/<int:pk>/", letters.letter_detail, name="letter_detail"),
    path("letters/<int:pk>/edit/", letters.letter_edit, name="letter_edit"),
    path("letters/<int:pk>/dispatch/", letters.letter_dispatch, name="letter_dispatch"),
    path("letters/<int:pk>/cancel/", letters.letter_cancel, name="letter_cancel"),
    path("letters/<int:pk>/present/", letters.letter_present, name="letter_present"),
    path("letters/<int:pk>/instruct/", letters.letter_instruct, name="letter_instruct"),
    path("letters/<int:pk>/attach/", letters.letter_attach, name="letter_attach"),
    path("letters/<int:pk>/borrow/", keeping.borrowing_create, name="borrowing_create"),
    path("assignments/<int:pk>/acknowledge/", letters.assignment_acknowledge, name="assignment_acknowledge"),
    path("assignments/<int:pk>/complete/", letters.assignment_complete, name="assignment_complete"),
    path("attachments/<int:pk>/", letters.attachment_download, name="attachment_download"),
    path("keeping/", keeping.keeping_index, name="keeping"),
    path("keeping/destroy/", keeping.destruction_create, name="destruction_create"),
    path("keeping/destructions/<int:pk>/", keeping.destruction_detail, name="destruction_detail"),
    path("borrowings/<int:pk>/return/", keeping.borrowing_return, name="borrowing_return"),
    # the เกษียน's quick phrases, kept by the office (views/phrases.py)
    path("instruction-phrases/", phrases.phrase_list, name="phrase_list"),
    path("instruction-phrases/<int:pk>/edit/", phrases.phrase_edit, name="phrase_edit"),
    path("instruction-phrases/<int:pk>/move/", phrases.phrase_move, name="phrase_move"),
    path("instruction-phrases/<int:pk>/active/", phrases.phrase_set_active, name="phrase_set_active"),
]
urlpatterns += urls_drafting.urlpatterns + urls_schools.urlpatterns
