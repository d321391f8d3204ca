"""reportlab's C accelerator (the rl-accel package, module ``_rl_accel``) for the bundle.

reportlab imports it by a name built at run time (``exec('from _rl_accel import ...')``),
which PyInstaller's import analysis cannot see, and does without it: a bundle that missed
it would still work, only each PDF receipt would take about a millisecond longer (its
number formatting and text measuring in Python).
"""

hiddenimports = ["_rl_accel"]
