"""Chat exports (issue 19, stop 38): the sender after a WhatsApp or Signal stamp, a team chat's
header with the surname first or the day, a sender typed in lower case before the time, and a
KakaoTalk export with Korean names and dates. The texts are new, in none of the corpora."""

from __future__ import annotations


def _spans(detector, text: str) -> set[tuple[str, str]]:
    return {(text[s.start:s.end], s.label) for s in detector.analyze_text(text)}


def test_the_sender_after_a_date_and_time_stamp(detector):
    text = ("3/4/25, 22:10 - Lt Okonkwo: who has the north gate\n"
            "3/4/25, 22:11 - Thanh Vo: me, door 2 is propped open again\n"
            "3/4/25, 22:13 - Rosalind Achebe-Hart: on my way, dont go in alone\n")
    spans = _spans(detector, text)
    assert ("Thanh Vo", "PERSON") in spans
    assert ("Rosalind Achebe-Hart", "PERSON") in spans


def test_a_team_chats_sender_surname_first_or_with_the_day(detector):
    text = ("Quarles, Denise  7:02 AM\nanyone on the transport to Macon?\n\n"
            "Abubakar, Yusuf  7:05 AM\nI am, van 3\n\n"
            "Pruitt Malone  Mar 3  07:09\nwatch the back seat latch\n")
    spans = _spans(detector, text)
    assert ("Quarles, Denise", "PERSON") in spans
    assert ("Abubakar, Yusuf", "PERSON") in spans
    assert ("Pruitt Malone", "PERSON") in spans


def test_a_sender_in_lower_case_before_the_time(detector):
    text = ("txhiaj vang 9:02 PM: yall on the river tonight?\n"
            "nou yang 9:04 PM: ya at the boat launch\n"
            "txhiaj vang 9:30 PM: stay off the ice by the dam\n")
    spans = _spans(detector, text)
    assert ("txhiaj vang", "PERSON") in spans
    assert ("nou yang", "PERSON") in spans


def test_a_kakaotalk_export_with_korean_names_and_dates(detector):
    text = ("KakaoTalk Chats with 야간 2팀\n"
            "2025. 3. 14. 오후 10:02, 이도현 : car almost rolled on Officer Han at the light\n"
            "2025. 3. 14. 오후 10:03, 최유나 : 괜찮아? where\n"
            "2025. 3. 14. 오후 10:05, 이도현 : Vermont and 6th\n")
    spans = _spans(detector, text)
    assert ("이도현", "PERSON") in spans
    assert ("최유나", "PERSON") in spans
    assert ("2025. 3. 14", "DATE") in spans


def test_a_form_line_with_a_date_and_a_field_is_no_sender(detector):
    text = ("3/4/25, 22:10 - Notes: door 2 propped open\n3/4/25, 22:11 - Status: cleared\n"
            "3/4/25, 22:12 - Disposition: report taken\n")
    spans = _spans(detector, text)
    assert not [t for t, label in spans if label == "PERSON"]


def test_a_holiday_said_short_after_on(detector):
    text = "2/11/25, 06:40 - Lena Park: training is on Valentine's, at the Gulfport annex"
    assert ("Valentine's", "DATE") in _spans(detector, text)


def test_the_chat_apps_names_are_no_identifiers(detector):
    text = ("WhatsApp Chat with night shift\nMicrosoft Teams · Chat with Reyes, Tomas (Sgt.)\n"
            "KakaoTalk Chats with 순찰 2팀\nShe speaks Kreyòl and he speaks Kriolu.")
    spans = _spans(detector, text)
    apps = ("WhatsApp", "Microsoft Teams", "KakaoTalk Chats", "Kreyòl", "Kriolu")
    assert not [t for t, _ in spans if t in apps]
