"""Qt item models over service results (lists as QAbstractTableModel, STYLE.md rule 7)."""
