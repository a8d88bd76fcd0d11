"""Django's Redis cache, with one client per pool, that survives a Redis outage.

One client per pool: Django's client builds a new ``redis.Redis`` for every
cache call, and building one (its table of response callbacks) costs more
than the round trip of a cached page hit. A client over a pool is safe to
share between threads, so one is made per pool and kept.

Surviving an outage: Redis is a cache here, never the only copy of anything,
so when it cannot be reached each process carries on with a small local-memory
cache of its own, stored values capped at FALLBACK_SECONDS: pages still render
(mostly uncached, never a 500), rate limits still count (per process), and
after RETRY_SECONDS the next call tries Redis again, so the site returns to
the shared cache by itself. Writes that could not reach Redis may have been
invalidations, so the first process to reconnect after missing one empties
the shared cache rather than let it serve what was dropped meanwhile.
"""

import logging
import time

from django.core.cache.backends.locmem import LocMemCache
from django.core.cache.backends.redis import RedisCache, RedisCacheClient
from redis.exceptions import RedisError

logger = logging.getLogger(__name__)

#: How long an entry may live in a process's stand-in cache.
FALLBACK_SECONDS = 5
#: How long after a failure calls go straight to the stand-in.
RETRY_SECONDS = 2
#: Connect and read timeouts, in seconds, so a hung Redis costs little.
SOCKET_TIMEOUT = 0.5

READS = ("get", "get_many", "has_key")
WRITES = ("set", "add", "set_many", "delete", "delete_many", "incr", "touch")
#: Writes whose values can go stale (pages, versions), capped in the stand-in
#: at FALLBACK_SECONDS, and how many arguments come before their timeout.
#: ``add`` keeps its timeout: it starts counters and locks, and a rate limit
#: must keep its whole window.
TIMED = {"set": 2, "set_many": 1}


class PooledClientRedisCacheClient(RedisCacheClient):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self._clients = {}

    def get_client(self, key=None, *, write=False):
        pool = self._get_connection_pool(write)
        client = self._clients.get(id(pool))
        if client is None:
            client = self._clients[id(pool)] = self._client(connection_pool=pool)
        return client


class PooledRedisCache(RedisCache):
    def __init__(self, server, params):
        options = params.setdefault("OPTIONS", {})
        options.setdefault("socket_connect_timeout", SOCKET_TIMEOUT)
        options.setdefault("socket_timeout", SOCKET_TIMEOUT)
        super().__init__(server, params)
        self._class = PooledClientRedisCacheClient
        self._stand_in = LocMemCache(
            f"redis-stand-in-{id(self)}",
            {"TIMEOUT": FALLBACK_SECONDS, "OPTIONS": {"MAX_ENTRIES": 1000}},
        )
        self._down_until = 0.0
        self._missed_writes = False

    def _call(self, name, *args, **kwargs):
        if time.monotonic() >= self._down_until and self._connected():
            try:
                return getattr(RedisCache, name)(self, *args, **kwargs)
            except RedisError as error:
                logger.warning("Redis unreachable, caching per process: %s", error)
                self._down_until = time.monotonic() + RETRY_SECONDS
        if name in WRITES:
            self._missed_writes = True
        if name in TIMED:
            # The caller's timeout gives way to the stand-in's short one.
            position = TIMED[name]
            if len(args) > position + 1:
                kwargs["version"] = args[position + 1]
            args = args[:position]
            kwargs["timeout"] = FALLBACK_SECONDS
        return getattr(self._stand_in, name)(*args, **kwargs)

    def _connected(self):
        """True unless Redis was down and still is; tidies up when it returns."""
        if not self._down_until:
            return True
        try:
            if self._missed_writes:
                RedisCache.clear(self)  # it may hold pages dropped meanwhile
            else:
                self._cache.get_client().ping()
        except RedisError:
            self._down_until = time.monotonic() + RETRY_SECONDS
            return False
        logger.warning("Redis is back%s", " and emptied" * self._missed_writes)
        self._down_until = 0.0
        self._missed_writes = False
        self._stand_in.clear()
        return True


def _guarded(name):
    def method(self, *args, **kwargs):
        return self._call(name, *args, **kwargs)

    method.__name__ = name
    return method


for _name in READS + WRITES:
    setattr(PooledRedisCache, _name, _guarded(_name))
