"""Press the same button from several threads at once, as two editors might."""

import threading

from django.db import connection


def at_once(step, users, refusal):
    """Run ``step(user)`` in one thread per user, all released together.

    Returns the sorted outcomes: "done" for each step that went through,
    "refused" for each that raised ``refusal``. Each thread has its own
    database connection, closed when it ends.
    """
    start = threading.Barrier(len(users))
    outcomes = []

    def press(user):
        try:
            start.wait()
            step(user)
            outcomes.append("done")
        except refusal:
            outcomes.append("refused")
        finally:
            connection.close()

    threads = [threading.Thread(target=press, args=(user,)) for user in users]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    return sorted(outcomes)
