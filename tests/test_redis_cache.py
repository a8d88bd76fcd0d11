"""The Redis cache's stand-in: an unreachable Redis costs speed, never a 500."""

import socket
from unittest import mock

import pytest
import redis

from newsroom import redis_cache
from tests.servers import free_port

REDIS = "redis://127.0.0.1:6379/14"


def redis_is_up():
    try:
        with socket.create_connection(("127.0.0.1", 6379), timeout=0.5):
            return True
    except OSError:
        return False


def cache_at(url):
    return redis_cache.PooledRedisCache(url, {"KEY_PREFIX": "stand-in-test"})


def test_with_redis_unreachable_every_call_answers_from_the_stand_in():
    cache = cache_at(f"redis://127.0.0.1:{free_port()}/0")  # nothing listens
    assert cache.get("page") is None
    assert cache.get_many(["page", "tag"]) == {}
    cache.set("page", "html", 300)
    assert cache.get("page") == "html"
    assert cache.add("lock", 1, 10) is True
    assert cache.add("lock", 1, 10) is False  # a lock still locks
    cache.add("count", 0, 3600)
    assert cache.incr("count") == 1  # a rate limit still counts
    cache.delete("page")
    assert cache.get("page") is None


def test_stored_values_are_capped_but_counters_keep_their_window():
    cache = cache_at(f"redis://127.0.0.1:{free_port()}/0")
    with mock.patch.object(cache._stand_in, "set") as stand_in_set:
        cache.set("page", "html", 300)
    stand_in_set.assert_called_once_with(
        "page", "html", timeout=redis_cache.FALLBACK_SECONDS
    )
    with mock.patch.object(cache._stand_in, "add") as stand_in_add:
        cache.add("count", 0, 3600)
    stand_in_add.assert_called_once_with("count", 0, 3600)


@pytest.mark.skipif(not redis_is_up(), reason="needs Redis on 127.0.0.1:6379")
def test_back_on_redis_it_empties_what_may_have_missed_an_invalidation():
    cache = cache_at(REDIS)
    cache.set("page", "old copy", 300)
    broken = redis.exceptions.ConnectionError("Connection refused")
    with mock.patch.object(redis_cache.RedisCache, "delete", side_effect=broken):
        cache.delete("page")  # an invalidation that could not reach Redis
    assert cache.get("page") is None  # the stand-in answers meanwhile

    cache._down_until = 0.1  # the retry interval has passed
    assert cache.get("page") is None  # Redis again, emptied: not "old copy"
    cache.set("page", "new copy", 300)
    assert cache.get("page") == "new copy"
    assert not cache._down_until
    cache.clear()
