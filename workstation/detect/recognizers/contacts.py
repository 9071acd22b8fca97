"""Phones, e-mail addresses, URLs and social-media handles."""

from __future__ import annotations

from workstation.detect.recognizers.base import CI, CS, RegexRecognizer, Rx

_TLDS = (
    "com|org|net|gov|edu|us|io|info|biz|co|me|tv|mil|law|police|app|ly|gg|ca|uk"
)


def contact_recognizers() -> list[RegexRecognizer]:
    phone = RegexRecognizer(
        "PhoneRecognizer", "PHONE_NUMBER",
        [
            Rx("us_phone", r"(?<![\w-])(?:\+?1[-.\s]?)?(?:\(\d{3}\)\s?|\d{3}[-.\s])\d{3}[-.\s]\d{4}"
               r"(?:\s*(?:x|ext\.?|extension)\s*\d{1,5})?(?![\w-])", 0.9, CI),
            Rx("us_phone_compact", r"(?<![\w-])\(?\d{3}\)?\d{3}\d{4}(?![\w-])", 0.4, CS),
            Rx("local_phone", r"(?<![\w-])\d{3}-\d{4}(?![\w-])", 0.6, CS),
            # an internal extension on its own: "in facilities, ext. 6-4471", "x4471"
            Rx("extension", r"(?:(?<=\b(?i:ext|extension)\.?[ \t]*)|(?<=\bx))\d{1,2}-?\d{3,5}(?![\w-])",
               0.6, CS),
            # a number by its exchange's name, as phones were written until the 1960s: "KLondike
            # 5-0187", "PEnnsylvania 6-5000" (its first two letters were the digits dialled)
            Rx("exchange_name", r"(?<![\w-])\p{Lu}{2}\p{Ll}{2,12}[ \t]?\d-?\d{4}(?![\w-])",
               0.7, CS),
        ],
        context=["phone", "cell", "call", "called", "number", "text", "texted", "tel", "fax"],
    )
    email = RegexRecognizer(
        "EmailRecognizer", "EMAIL_ADDRESS",
        [Rx("email", r"\b[\w.+-]+@[\w-]+(?:\.[\w-]+)*\.[A-Za-z]{2,24}\b", 0.95, CI)],
        context=["email", "e-mail", "mail"],
    )
    url = RegexRecognizer(
        "UrlRecognizer", "URL",
        [
            Rx("url", r"\b(?:https?://|www\.)[^\s<>\"')\]]+", 0.9, CI),
            Rx("domain", rf"(?<![@\w.-])[a-z0-9][\w-]*(?:\.[\w-]+)*\.(?:{_TLDS})\b(?:/[^\s<>\"')\]]*)?",
               0.7, CI, needs=rf"\.(?:{_TLDS})\b"),
        ],
        context=["website", "site", "url", "page", "link"],
    )
    handle = RegexRecognizer(
        "SocialHandleRecognizer", "SOCIAL_HANDLE",
        [
            Rx("at_handle", r"(?<![\w.@])@[A-Za-z0-9_](?:[A-Za-z0-9_.]{0,28}[A-Za-z0-9_])?", 0.85, CS),
            Rx("handle_with_cue",
               r"\b(?:instagram|insta|ig|twitter|tiktok|snapchat|snap|facebook|fb|x|youtube|"
               r"reddit|discord|telegram|handle|username|user\s+name|screen\s+name|gamertag)"
               r"(?:\s+(?:handle|account|name|page|profile|username))?\s*(?:is|was|:|called|named|as)\s*"
               r"@?([A-Za-z0-9_.]*[\d_][A-Za-z0-9_.]*|[a-z][a-z0-9_.]{3,})\b",
               0.75, CI, 1),
            # a handle-shaped name right after its word: "gamertag SasquatchSZN", "username (RedRockMedic"
            Rx("handle_after_word", r"(?<=\b(?i:gamertags?|gamer[ \t]+tags?|usernames?|user[ \t]+names?|"
               r"screen[ \t]+names?|handles?|psn[ \t]+id)[ \t]{1,3}[(\"“]?)"
               r"[A-Za-z][A-Za-z0-9_.]*(?:\d|_|(?<=[a-z])[A-Z])[A-Za-z0-9_.]*(?<![.])(?![\w@])", 0.75, CS,
               needs=r"(?i:tag|name|handle|psn)"),
            # a forum's user ("u/dep_dawg_814") and a post's author by a user name ("Posted by
            # StateBear77"): digits, an underscore or a capital inside make it a handle
            Rx("forum_user", r"(?<![\w/])/?[uU]/[A-Za-z0-9_-]{3,20}(?![\w/])", 0.85, CS, needs="(?i:u/)"),
            Rx("posted_by", r"(?<=\b(?i:posted|submitted|written|shared|reposted)[ \t]{1,3}(?i:by)[ \t]{1,3})"
               r"[A-Za-z][A-Za-z0-9_.]*(?:\d|_|(?<=[a-z])[A-Z])[A-Za-z0-9_.]*(?<![.])(?![\w@])", 0.75, CS,
               needs=r"\b(?:posted|submitted|written|shared|reposted)[ \t]+by\b"),
        ],
        context=["instagram", "twitter", "tiktok", "snapchat", "facebook", "handle"],
    )
    return [phone, email, url, handle]
