"""schemathesis against central's own OpenAPI document, over real HTTP: whatever it sends, no 5xx."""

from __future__ import annotations

import schemathesis
from hypothesis import HealthCheck, given, settings

from central.server import EmbeddedCentral
from sync.client import CentralClient
from tests.conftest import make_code

EXAMPLES_PER_OPERATION = 40


def test_central_answers_generated_requests_without_a_server_error(central: EmbeddedCentral) -> None:
    with CentralClient(central.url) as client:
        enrolled = client.register(make_code(central), "fuzz", "test")
    token, device_id = enrolled.token, enrolled.device_id
    auth = {"Authorization": f"Bearer {token}"}  # valid, so bodies reach the code behind it
    schema = schemathesis.openapi.from_url(f"{central.url}/api/v1/openapi.json")
    operations = [result.ok() for result in schema.get_all_operations()]
    assert {f"{op.method.upper()} {op.path}" for op in operations} >= {
        "POST /api/v1/sync/push", "GET /api/v1/sync/changes", "GET /api/v1/sync/snapshot",
        "POST /api/v1/devices/register", "GET /api/v1/reports/sales"}
    failures: list[str] = []
    for operation in operations:
        @given(case=operation.as_strategy())
        @settings(max_examples=EXAMPLES_PER_OPERATION, deadline=None, database=None,
                  suppress_health_check=list(HealthCheck))
        def call(case) -> None:
            if isinstance(case.body, dict) and "device_id" in case.body:
                case.body["device_id"] = device_id  # past the ownership check, into the events
            response = case.call(headers=auth, timeout=30)
            if response.status_code >= 500:
                failures.append(f"{case.method} {case.formatted_path} -> {response.status_code}: "
                                f"{response.text[:200]}")

        call()
    assert failures == []
