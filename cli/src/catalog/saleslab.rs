//! SalesLab: the 13 event kinds of seed 000, whole bodies (`event_kind`, `company_id`,
//! and `delivery_id` for the kinds whose shape carries one).

use super::Event;

pub const EVENTS: &[Event] = &[
    Event {
        kind: "session.completed",
        template: r#"{"event_kind":"session.completed","company_id":"@company@","session":{"id":"@id@","user_id":"@uuid@","scenario_id":"@uuid@","ended_at":"@now@"},"delivery_id":"session.completed:@id@:@sub@"}"#,
    },
    Event {
        kind: "session.scorecard_finalized",
        template: r#"{"event_kind":"session.scorecard_finalized","company_id":"@company@","session_id":"@uuid@","user_id":"@uuid@","scorecard":{"id":"@id@","overall_score":87,"verdict":"pass","headline":"Strong discovery, clean close.","category_scores":{"discovery":9,"objection_handling":8},"best_line":"What would it cost you to wait a quarter?","worst_line":"So, um, any questions?","next_drill":"objection handling under price pressure"},"delivery_id":"scorecard.finalized:@id@:@sub@"}"#,
    },
    Event {
        kind: "coaching.brief_delivered",
        template: r#"{"event_kind":"coaching.brief_delivered","company_id":"@company@","user_id":"@uuid@","brief_id":"@id@","week_start":"2026-05-12","week_end":"2026-05-18","summary":"Strong week — held quota mock on three of four scenarios.","celebrate":["Clean discovery","Crisp close","Held price"],"coach":["Slow down","Name the risk","Ask for the meeting"]}"#,
    },
    Event {
        kind: "coaching.streak_broken",
        template: r#"{"event_kind":"coaching.streak_broken","company_id":"@company@","user_id":"@id@","broke_at_value":12,"broken_at":"@now@"}"#,
    },
    Event {
        kind: "badge.awarded",
        template: r#"{"event_kind":"badge.awarded","company_id":"@company@","user_id":"@id@","badge_slug":"ninety_score","awarded_at":"@now@"}"#,
    },
    Event {
        kind: "real_call.imported",
        template: r#"{"event_kind":"real_call.imported","company_id":"@company@","ingest_id":"@id@","source_url":"https://calls.example.com/@uuid@","source_vendor":"gong","generated_scenario_id":"@uuid@","failure_moment":{"buyer_line":"We already have a vendor for that.","rep_response":"Oh, okay.","diagnosis":"Accepted the brush-off without probing.","better_response":"What would they have to do better for you to look again?"}}"#,
    },
    Event {
        kind: "churn_retro.published",
        template: r#"{"event_kind":"churn_retro.published","company_id":"@company@","slug":"westwind-q1-2026-@id@","company_name":"Westwind Logistics","reason_short":"Tried to roll out to 4 pods in 4 weeks.","what_we_changed":"Mandatory 2-pod cap on rollouts under 60 days.","published_at":"@now@"}"#,
    },
    Event {
        kind: "realtime.autopop_ready",
        template: r#"{"event_kind":"realtime.autopop_ready","company_id":"@company@","assist_id":"@id@","user_id":"@uuid@","summary":"Buyer confirmed budget for Q3 and asked for a security review.","next_step":"Send the security pack to the buyer's IT lead by Friday.","key_topics":["pricing","security review","Q3 timeline"],"draft_followup_email":"Subject: Next steps\n\nThanks for the time today.","duration_seconds":540,"delivery_id":"realtime_autopop.@id@:@sub@"}"#,
    },
    Event {
        kind: "coverage.subscription_activated",
        template: r#"{"event_kind":"coverage.subscription_activated","company_id":"@company@","user_id":"@id@","plan":"individual","stripe_subscription_id":"sub_1PqR2sT3uV4w","activated_at":"@now@","delivery_id":"coverage_activated:@id@:@sub@"}"#,
    },
    Event {
        kind: "wage_index.published",
        template: r#"{"event_kind":"wage_index.published","company_id":"@company@","snapshot_id":"@id@","label":"Q2 2026 · May","population_size":4218,"median_score":612,"median_percentile":50,"per_tier_count":{"bronze":421,"silver":1283,"gold":1604,"platinum":712,"diamond":198},"bands":[],"generated_at":"@now@","published_at":"@now@","public_url":"https://saleslab.cloud/wage-index","delivery_id":"wage_index.published:@id@:@now@:@sub@"}"#,
    },
    Event {
        kind: "tournament.match_completed",
        template: r#"{"event_kind":"tournament.match_completed","company_id":"@company@","match_id":"@id@","tournament":{"slug":"spring-2026-cup","title":"Spring 2026 Cup"},"winner_team_id":"@uuid@","loser_team_id":"@uuid@","team_a_id":"@uuid@","team_b_id":"@uuid@","team_a_score":87,"team_b_score":71,"reported_by_user_id":"@uuid@","winner_captain_user_id":"@uuid@","ended_at":"@now@","delivery_id":"tournament_match.@id@.completed"}"#,
    },
    Event {
        kind: "score.tier_changed",
        template: r#"{"event_kind":"score.tier_changed","company_id":"@company@","user_id":"@id@","from_tier":"silver","to_tier":"gold","direction":"up","total_score":720,"percentile":64,"computed_at":"@now@","delivery_id":"score_tier.@id@.@now@"}"#,
    },
    Event {
        kind: "assignment.completed",
        template: r#"{"event_kind":"assignment.completed","company_id":"@company@","assignment_id":"@id@","user_id":"@uuid@","scenario_id":"@uuid@","session_id":"@uuid@","scorecard_id":"@uuid@","overall_score":87,"completed_at":"@now@"}"#,
    },
];
