"""moto serving SES, SNS and SQS on 127.0.0.1: SES feedback travels SNS → SQS as it does in AWS."""

from __future__ import annotations

from collections.abc import AsyncIterator
from dataclasses import dataclass

import boto3
import httpx
import pytest
from fastapi import FastAPI

from app.db import EmbeddedMongo
from tests.mail.moto_ses import FAKE_CREDENTIALS, REGION, SENDER, reset, ses_url  # noqa: F401 (fixture)
from tests.support.app import make_settings, running_app


@dataclass(frozen=True)
class FeedbackPath:
    moto_url: str
    topic_arn: str
    queue_url: str

    def client(self, service: str) -> object:
        session = boto3.session.Session(
            aws_access_key_id=FAKE_CREDENTIALS["AWS_ACCESS_KEY_ID"],
            aws_secret_access_key=FAKE_CREDENTIALS["AWS_SECRET_ACCESS_KEY"],
            region_name=REGION,
        )
        return session.client(service, endpoint_url=self.moto_url)


@pytest.fixture(scope="module")
def feedback_path(ses_url: str) -> FeedbackPath:  # noqa: F811
    """The configuration set's SNS topic and the SQS queue subscribed to it (SNS envelope, raw delivery off)."""
    reset(ses_url)  # once for the module: the queue must outlive each test
    path = FeedbackPath(ses_url, "", "")
    sns, sqs = path.client("sns"), path.client("sqs")
    topic_arn = sns.create_topic(Name="buyhive-ses-feedback")["TopicArn"]  # type: ignore[attr-defined]
    queue_url = sqs.create_queue(QueueName="buyhive-ses-feedback")["QueueUrl"]  # type: ignore[attr-defined]
    queue_arn = sqs.get_queue_attributes(  # type: ignore[attr-defined]
        QueueUrl=queue_url, AttributeNames=["QueueArn"]
    )["Attributes"]["QueueArn"]
    sns.subscribe(TopicArn=topic_arn, Protocol="sqs", Endpoint=queue_arn)  # type: ignore[attr-defined]
    return FeedbackPath(ses_url, topic_arn, queue_url)


@pytest.fixture(scope="module")
async def feedback_app(
    mongo_server: EmbeddedMongo, feedback_path: FeedbackPath, tmp_path_factory: pytest.TempPathFactory
) -> AsyncIterator[tuple[FastAPI, httpx.AsyncClient]]:
    settings = make_settings(
        mongo_server.url,
        tmp_path_factory.mktemp("data"),
        email_backend="ses",
        ses_from_email=SENDER,
        outbox_poll_seconds=0.05,
        ses_feedback_queue_url=feedback_path.queue_url,
        ses_feedback_wait_seconds=1,
    )
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("AWS_ENDPOINT_URL_SQS", feedback_path.moto_url)
        async with running_app(settings) as pair:
            yield pair
