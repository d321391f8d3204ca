"""Loket's core: plain Python, never Qt. Everything here is testable without a display."""
