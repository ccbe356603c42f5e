package dev.vigil.score;

/** What a scorecard item checks: findings ({@link FindingCheck}) or a metric's bounds ({@link MetricCheck}). */
public sealed interface ItemCheck permits FindingCheck, MetricCheck {
}
