"""Everything that runs in the reader's browser, and also under CPython.

These modules are shipped into the page as the package `followup` (compiled to .mpy) and
run under PyScript's MicroPython; at build time and in `followup plan` they are imported
as `site_plugins.browser`. So they keep to what both interpreters support: no strftime,
str.ljust/zfill/title, dataclasses, typing, `{**d}` or regex named groups, and imports
between them are relative. Only the checklist's own modules touch the page (through
`pyscript`): `page`, `store`, `form`, `view`, `interviews`, `transfer` and `widget`.
"""
