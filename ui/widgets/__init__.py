"""Small reusable widgets: money entry, PIN prompt, inline field errors, banner, busy overlay."""
