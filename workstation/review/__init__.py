"""The review of a report, without Qt: spans and decisions, placeholders, the redacted
text, coding, search and the queue. The GUI shows these; tests drive them directly."""
