"""The review view and what belongs to it: the view (view.py, with its drawing and its
decision slots), the suggestion table, the text panes' offsets and highlighter, the colours
and names, the coding panel, the workflow menu and its dialogs, the linking dialog."""
