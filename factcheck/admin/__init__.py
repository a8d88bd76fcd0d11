"""The newsroom's admin: where journalists write and editors review.

``factchecks`` is the article admin (its inlines in ``inlines``, its list
filters in ``filters``, its forms in ``forms``), with the workflow panel and
the views its buttons post to in ``workflow_panel`` (the buttons themselves in
``steps``, their forms in ``step_forms``); ``claims``,
``directory``, ``reader_messages`` (the desk's inbox), ``records`` and
``snapshots`` (the evidence locker) and ``transparency`` (funders, policy
texts, the scale's history) hold the other models' admins; the admin site
itself (its sign-in door) is ``factcheck.admin_site``, outside this package so
that loading it registers nothing. Who may do what is decided in
``permissions``; admin classes only ask.
"""

from . import (  # noqa: F401 (registers)
    claims,
    directory,
    factchecks,
    reader_messages,
    records,
    snapshots,
    transparency,
)
