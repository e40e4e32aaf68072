// Written by scripts/events/generate.py from core/events/saleslab.json: do not edit.

//! SalesLab's 13 event kinds; the kind is `event_kind` (also the x-saleslab-event header).
//! Fields the document's payload shape gives for a kind are required; every object stays
//! open. Written from the SalesLab developer reference.

use serde::{Deserialize, Serialize};
use serde_json::{Map, Value};

/// A rep ended a practice session. Fires when the scorecard finalizes.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct SessionCompleted {
    /// The event kind (also sent as x-saleslab-event).
    pub event_kind: String,
    /// The receiving tenant's id.
    pub company_id: String,
    /// The practice session.
    pub session: Session,
    /// The delivery's unique id: store it and ignore repeats.
    pub delivery_id: String,
    /// The fields the schema does not list, as sent (every object is open).
    #[serde(flatten)]
    pub extra: Map<String, Value>,
}

/// Scorecard frozen. Full rubric + best/worst line in payload.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct SessionScorecardFinalized {
    /// The event kind (also sent as x-saleslab-event).
    pub event_kind: String,
    /// The receiving tenant's id.
    pub company_id: String,
    /// The scored session's id.
    pub session_id: String,
    /// The rep's user id.
    pub user_id: String,
    /// The frozen scorecard.
    pub scorecard: Scorecard,
    /// The delivery's unique id: store it and ignore repeats.
    pub delivery_id: String,
    /// The fields the schema does not list, as sent (every object is open).
    #[serde(flatten)]
    pub extra: Map<String, Value>,
}

/// Weekly 1:1 brief sent. Contains the rep's celebrate + coach bullets.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct CoachingBriefDelivered {
    /// The event kind (also sent as x-saleslab-event).
    pub event_kind: String,
    /// The receiving tenant's id.
    pub company_id: String,
    /// The rep's user id.
    pub user_id: String,
    /// The brief's id.
    pub brief_id: String,
    /// First day of the week the brief covers.
    pub week_start: String,
    /// Last day of the week the brief covers.
    pub week_end: String,
    /// One-line summary of the week.
    pub summary: String,
    /// Bullets to celebrate.
    pub celebrate: Vec<String>,
    /// Bullets to coach on.
    pub coach: Vec<String>,
    /// The delivery's unique id; the document's shape for this kind does not show it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub delivery_id: Option<String>,
    /// The fields the schema does not list, as sent (every object is open).
    #[serde(flatten)]
    pub extra: Map<String, Value>,
}

/// Rep's daily-practice streak ended. Fires on the check-in that detects the break.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct CoachingStreakBroken {
    /// The event kind (also sent as x-saleslab-event).
    pub event_kind: String,
    /// The receiving tenant's id.
    pub company_id: String,
    /// The rep's user id.
    pub user_id: String,
    /// The streak's length when it broke.
    pub broke_at_value: i64,
    /// When the break was detected.
    pub broken_at: String,
    /// The delivery's unique id; the document's shape for this kind does not show it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub delivery_id: Option<String>,
    /// The fields the schema does not list, as sent (every object is open).
    #[serde(flatten)]
    pub extra: Map<String, Value>,
}

/// New badge earned. One delivery per badge.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct BadgeAwarded {
    /// The event kind (also sent as x-saleslab-event).
    pub event_kind: String,
    /// The receiving tenant's id.
    pub company_id: String,
    /// The rep's user id.
    pub user_id: String,
    /// The badge's slug (for example ninety_score).
    pub badge_slug: String,
    /// When the badge was awarded.
    pub awarded_at: String,
    /// The delivery's unique id; the document's shape for this kind does not show it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub delivery_id: Option<String>,
    /// The fields the schema does not list, as sent (every object is open).
    #[serde(flatten)]
    pub extra: Map<String, Value>,
}

/// Gong/Chorus call ingested and turned into a drill scenario.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct RealCallImported {
    /// The event kind (also sent as x-saleslab-event).
    pub event_kind: String,
    /// The receiving tenant's id.
    pub company_id: String,
    /// The ingest's id.
    pub ingest_id: String,
    /// The call's URL at the vendor.
    pub source_url: String,
    /// The call recording vendor (for example gong).
    pub source_vendor: String,
    /// The drill scenario generated from the call.
    pub generated_scenario_id: String,
    /// The moment in the call the drill is built on.
    pub failure_moment: FailureMoment,
    /// The delivery's unique id; the document's shape for this kind does not show it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub delivery_id: Option<String>,
    /// The fields the schema does not list, as sent (every object is open).
    #[serde(flatten)]
    pub extra: Map<String, Value>,
}

/// Sales Lab published a public churn retro; a cross-tenant broadcast.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct ChurnRetroPublished {
    /// The event kind (also sent as x-saleslab-event).
    pub event_kind: String,
    /// The receiving tenant's id.
    pub company_id: String,
    /// The retro's slug.
    pub slug: String,
    /// The churned customer's name.
    pub company_name: String,
    /// Why the customer churned, in one line.
    pub reason_short: String,
    /// What Sales Lab changed in response.
    pub what_we_changed: String,
    /// When the retro was published.
    pub published_at: String,
    /// The delivery's unique id; the document's shape for this kind does not show it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub delivery_id: Option<String>,
    /// The fields the schema does not list, as sent (every object is open).
    #[serde(flatten)]
    pub extra: Map<String, Value>,
}

/// A rep generated the CRM autopop for a finished realtime call.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct RealtimeAutopopReady {
    /// The event kind (also sent as x-saleslab-event).
    pub event_kind: String,
    /// The receiving tenant's id.
    pub company_id: String,
    /// The realtime assist session's id.
    pub assist_id: String,
    /// The rep's user id.
    pub user_id: String,
    /// 3-5 sentence call summary.
    pub summary: String,
    /// One concrete next action with owner + timing.
    pub next_step: String,
    /// Key topics of the call.
    pub key_topics: Vec<String>,
    /// A ready-to-send follow-up email, subject line first.
    pub draft_followup_email: String,
    /// The call's duration in seconds.
    pub duration_seconds: i64,
    /// The delivery's unique id: store it and ignore repeats.
    pub delivery_id: String,
    /// The fields the schema does not list, as sent (every object is open).
    #[serde(flatten)]
    pub extra: Map<String, Value>,
}

/// A Skill Insurance subscription became active; once per activation.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct CoverageSubscriptionActivated {
    /// The event kind (also sent as x-saleslab-event).
    pub event_kind: String,
    /// The receiving tenant's id.
    pub company_id: String,
    /// The covered rep's user id.
    pub user_id: String,
    /// The plan (for example individual).
    pub plan: String,
    /// The Stripe subscription id (sub_...).
    pub stripe_subscription_id: String,
    /// When the subscription became active.
    pub activated_at: String,
    /// The delivery's unique id: store it and ignore repeats.
    pub delivery_id: String,
    /// The fields the schema does not list, as sent (every object is open).
    #[serde(flatten)]
    pub extra: Map<String, Value>,
}

/// A wage index snapshot was published as a quarterly issue; a cross-tenant broadcast with
/// the full snapshot.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct WageIndexPublished {
    /// The event kind (also sent as x-saleslab-event).
    pub event_kind: String,
    /// The receiving tenant's id.
    pub company_id: String,
    /// The snapshot's id.
    pub snapshot_id: String,
    /// The issue's label (for example Q2 2026 · May).
    pub label: String,
    /// Number of reps in the snapshot.
    pub population_size: i64,
    /// The median Sales Lab Score.
    pub median_score: f64,
    /// The median's percentile.
    pub median_percentile: f64,
    /// Number of reps in each tier.
    pub per_tier_count: TierCounts,
    /// The snapshot's wage bands.
    pub bands: Vec<WageBand>,
    /// When the nightly snapshot was generated.
    pub generated_at: String,
    /// When it was published.
    pub published_at: String,
    /// The published issue's public page.
    pub public_url: String,
    /// The delivery's unique id: store it and ignore repeats.
    pub delivery_id: String,
    /// The fields the schema does not list, as sent (every object is open).
    #[serde(flatten)]
    pub extra: Map<String, Value>,
}

/// A tournament match was reported and finalized.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct TournamentMatchCompleted {
    /// The event kind (also sent as x-saleslab-event).
    pub event_kind: String,
    /// The receiving tenant's id.
    pub company_id: String,
    /// The match's id.
    pub match_id: String,
    /// The tournament the match belongs to.
    pub tournament: Tournament,
    /// The winning team.
    pub winner_team_id: String,
    /// The losing team.
    pub loser_team_id: String,
    /// Team A.
    pub team_a_id: String,
    /// Team B.
    pub team_b_id: String,
    /// Team A's score.
    pub team_a_score: f64,
    /// Team B's score.
    pub team_b_score: f64,
    /// The user who reported the result.
    pub reported_by_user_id: String,
    /// The winning team's captain.
    pub winner_captain_user_id: String,
    /// When the match ended.
    pub ended_at: String,
    /// The delivery's unique id: store it and ignore repeats.
    pub delivery_id: String,
    /// The fields the schema does not list, as sent (every object is open).
    #[serde(flatten)]
    pub extra: Map<String, Value>,
}

/// A rep crossed a Sales Lab Score tier boundary on the nightly recompute.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct ScoreTierChanged {
    /// The event kind (also sent as x-saleslab-event).
    pub event_kind: String,
    /// The receiving tenant's id.
    pub company_id: String,
    /// The rep's user id.
    pub user_id: String,
    /// The tier before.
    /// One of: `bronze`, `silver`, `gold`, `platinum`, `diamond`.
    pub from_tier: String,
    /// The tier after.
    /// One of: `bronze`, `silver`, `gold`, `platinum`, `diamond`.
    pub to_tier: String,
    /// Which way the rep moved (for example up).
    pub direction: String,
    /// The rep's fresh Sales Lab Score.
    pub total_score: f64,
    /// The rep's percentile.
    pub percentile: f64,
    /// When the scores were recomputed.
    pub computed_at: String,
    /// The delivery's unique id: store it and ignore repeats.
    pub delivery_id: String,
    /// The fields the schema does not list, as sent (every object is open).
    #[serde(flatten)]
    pub extra: Map<String, Value>,
}

/// An open assignment matched a scored session for its rep + scenario and closed
/// automatically.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct AssignmentCompleted {
    /// The event kind (also sent as x-saleslab-event).
    pub event_kind: String,
    /// The receiving tenant's id.
    pub company_id: String,
    /// The assignment's id.
    pub assignment_id: String,
    /// The rep's user id.
    pub user_id: String,
    /// The scenario.
    pub scenario_id: String,
    /// The session that closed it.
    pub session_id: String,
    /// The session's scorecard.
    pub scorecard_id: String,
    /// The session's overall score.
    pub overall_score: f64,
    /// When the assignment closed.
    pub completed_at: String,
    /// The delivery's unique id; the document's shape for this kind does not show it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub delivery_id: Option<String>,
    /// The fields the schema does not list, as sent (every object is open).
    #[serde(flatten)]
    pub extra: Map<String, Value>,
}

/// A practice session.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Session {
    /// The session's id.
    pub id: String,
    /// The rep's user id.
    pub user_id: String,
    /// The scenario practised.
    pub scenario_id: String,
    /// When the session ended.
    pub ended_at: String,
    /// The fields the schema does not list, as sent (every object is open).
    #[serde(flatten)]
    pub extra: Map<String, Value>,
}

/// A session's scorecard: the full rubric and the best and worst line.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Scorecard {
    /// The scorecard's id.
    pub id: String,
    /// The overall score (for example 87).
    pub overall_score: f64,
    /// The verdict (for example pass).
    pub verdict: String,
    /// One-line headline.
    pub headline: String,
    /// Score per rubric category.
    pub category_scores: CategoryScores,
    /// The rep's best line.
    pub best_line: String,
    /// The rep's worst line.
    pub worst_line: String,
    /// The drill to practise next.
    pub next_drill: String,
    /// The fields the schema does not list, as sent (every object is open).
    #[serde(flatten)]
    pub extra: Map<String, Value>,
}

/// Score per rubric category; the document names discovery and objection_handling and
/// elides the rest, so other categories are allowed.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct CategoryScores {
    /// Discovery score.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub discovery: Option<f64>,
    /// Objection handling score.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub objection_handling: Option<f64>,
    /// The fields the schema does not list, as sent (every object is open).
    #[serde(flatten)]
    pub extra: Map<String, Value>,
}

/// The moment a real call went wrong, and what would have been better.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct FailureMoment {
    /// What the buyer said.
    pub buyer_line: String,
    /// What the rep answered.
    pub rep_response: String,
    /// Why it went wrong.
    pub diagnosis: String,
    /// A better answer.
    pub better_response: String,
    /// The fields the schema does not list, as sent (every object is open).
    #[serde(flatten)]
    pub extra: Map<String, Value>,
}

/// A tournament.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Tournament {
    /// The tournament's slug.
    pub slug: String,
    /// The tournament's title.
    pub title: String,
    /// The fields the schema does not list, as sent (every object is open).
    #[serde(flatten)]
    pub extra: Map<String, Value>,
}

/// Number of reps per Sales Lab Score tier.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct TierCounts {
    /// Reps in the bronze tier.
    pub bronze: i64,
    /// Reps in the silver tier.
    pub silver: i64,
    /// Reps in the gold tier.
    pub gold: i64,
    /// Reps in the platinum tier.
    pub platinum: i64,
    /// Reps in the diamond tier.
    pub diamond: i64,
    /// The fields the schema does not list, as sent (every object is open).
    #[serde(flatten)]
    pub extra: Map<String, Value>,
}

/// One wage band; the document names the type (WageBand) but not its fields.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct WageBand {
    /// The fields the schema does not list, as sent (every object is open).
    #[serde(flatten)]
    pub extra: Map<String, Value>,
}

/// A body of every kind, in [`KINDS`] order: every listed field, fixed values
/// (core/events/samples/saleslab.json).
pub const SAMPLES: &[(&str, &str)] = &[
    (
        "session.completed",
        r#"{"event_kind":"session.completed","company_id":"2673f8b7-40e9-4122-81a9-a35384c70e7a","session":{"id":"ddeefabd-286c-464b-8387-db9818f2fe48","user_id":"e26e9a27-cbc6-4437-8818-06a2a96c68f3","scenario_id":"577e8f4c-f001-431c-831c-2457985844a3","ended_at":"2026-05-19T13:42:08Z"},"delivery_id":"delivery_id_79f6fcd471c3"}"#,
    ),
    (
        "session.scorecard_finalized",
        r#"{"event_kind":"session.scorecard_finalized","company_id":"16cb2f09-c077-4651-8f61-7f21efabeed0","session_id":"0d534ff4-b693-49ae-815e-1c3256dc983d","user_id":"34f76dd8-1ef6-4819-8a69-9b39bf2e73ff","scorecard":{"id":"9bef2b74-5b8b-4e47-8104-9568d53b91a1","overall_score":87.5,"verdict":"verdict","headline":"headline","category_scores":{"discovery":87.5,"objection_handling":87.5},"best_line":"best line","worst_line":"worst line","next_drill":"next drill"},"delivery_id":"delivery_id_16fbb2a354cf"}"#,
    ),
    (
        "coaching.brief_delivered",
        r#"{"event_kind":"coaching.brief_delivered","company_id":"0679cc3b-efc0-42b5-8367-57913b255acb","user_id":"75b3b7d9-4ee9-46c9-8a44-2366e83c05a8","brief_id":"dd3358ec-ccf9-4f39-8dc9-d1f7f232be3d","week_start":"2026-05-19","week_end":"2026-05-19","summary":"summary","celebrate":["celebrate"],"coach":["coach"],"delivery_id":"delivery_id_c5958d62c44a"}"#,
    ),
    (
        "coaching.streak_broken",
        r#"{"event_kind":"coaching.streak_broken","company_id":"581f0d0a-23ef-4903-82b8-90903e9f5523","user_id":"edbb1e38-0767-4482-8e55-fb3e7720e7d4","broke_at_value":7,"broken_at":"2026-05-19T13:42:08Z","delivery_id":"delivery_id_9ed5a9dba69a"}"#,
    ),
    (
        "badge.awarded",
        r#"{"event_kind":"badge.awarded","company_id":"9d7af6b7-5320-4042-8f55-82ab5f687541","user_id":"e4461290-5a92-4ba1-8566-bfc07f0ee06e","badge_slug":"badge slug","awarded_at":"2026-05-19T13:42:08Z","delivery_id":"delivery_id_d01e460971a4"}"#,
    ),
    (
        "real_call.imported",
        r#"{"event_kind":"real_call.imported","company_id":"44d3f056-1fb4-4603-8856-859ae504130f","ingest_id":"71bd638f-3b5c-4de0-87de-01dd91f69eef","source_url":"https://example.com/source-url","source_vendor":"source vendor","generated_scenario_id":"e9db8301-9a27-471c-8c64-efceb78c66a7","failure_moment":{"buyer_line":"buyer line","rep_response":"rep response","diagnosis":"diagnosis","better_response":"better response"},"delivery_id":"delivery_id_43a8e92d1a0f"}"#,
    ),
    (
        "churn_retro.published",
        r#"{"event_kind":"churn_retro.published","company_id":"4a50c4c2-baf4-4524-854b-0806588821f6","slug":"slug","company_name":"company name","reason_short":"reason short","what_we_changed":"what we changed","published_at":"2026-05-19T13:42:08Z","delivery_id":"delivery_id_4d962294f38e"}"#,
    ),
    (
        "realtime.autopop_ready",
        r#"{"event_kind":"realtime.autopop_ready","company_id":"62a89b2b-f8ef-4c9b-8b4b-7e160f24445a","assist_id":"668a93c7-7156-4ce6-8af0-fe6cf82e9894","user_id":"4ac33aab-b8e7-4ce8-815d-e9df173df34a","summary":"summary","next_step":"next step","key_topics":["key topics"],"draft_followup_email":"draft followup email","duration_seconds":7,"delivery_id":"delivery_id_128d42c8b4bd"}"#,
    ),
    (
        "coverage.subscription_activated",
        r#"{"event_kind":"coverage.subscription_activated","company_id":"959ff7bf-aeed-4fe7-81fe-62e3bfa6a14e","user_id":"290ac7d3-7562-4012-8f71-62c09b500489","plan":"plan","stripe_subscription_id":"stripe_subscription_id_f3024febdc0a","activated_at":"2026-05-19T13:42:08Z","delivery_id":"delivery_id_23f511529d94"}"#,
    ),
    (
        "wage_index.published",
        r#"{"event_kind":"wage_index.published","company_id":"6000bb0a-1c45-4960-89e5-a27b9051638a","snapshot_id":"159aa07a-9944-4b02-8767-035c6935e755","label":"label","population_size":7,"median_score":87.5,"median_percentile":87.5,"per_tier_count":{"bronze":7,"silver":7,"gold":7,"platinum":7,"diamond":7},"bands":[{}],"generated_at":"2026-05-19T13:42:08Z","published_at":"2026-05-19T13:42:08Z","public_url":"https://example.com/public-url","delivery_id":"delivery_id_9cc669926bef"}"#,
    ),
    (
        "tournament.match_completed",
        r#"{"event_kind":"tournament.match_completed","company_id":"35ea4555-0350-4ca6-8900-d5100352cdb0","match_id":"12cd2c62-76f5-40f4-825c-9c6757854e52","tournament":{"slug":"slug","title":"title"},"winner_team_id":"7786d9a1-af6e-45fc-8eca-27827347a1d1","loser_team_id":"177d9de9-70d1-4d9a-80ae-395e01541910","team_a_id":"449866bb-1b87-453c-8c52-24846f59477b","team_b_id":"a8e25191-e48e-420a-87ed-3315c1a93540","team_a_score":87.5,"team_b_score":87.5,"reported_by_user_id":"4020516f-6afe-43a4-8c84-34ef30d400c0","winner_captain_user_id":"233f37b5-adb9-430c-8aca-1b7dea0796b9","ended_at":"2026-05-19T13:42:08Z","delivery_id":"delivery_id_55799d9b4a05"}"#,
    ),
    (
        "score.tier_changed",
        r#"{"event_kind":"score.tier_changed","company_id":"ef30fd13-1b9d-4f23-87a2-54e7a6fb8b4e","user_id":"1b306eae-e3c4-45ce-84e8-65fb3514e030","from_tier":"bronze","to_tier":"bronze","direction":"direction","total_score":87.5,"percentile":87.5,"computed_at":"2026-05-19T13:42:08Z","delivery_id":"delivery_id_1e036b0cdad9"}"#,
    ),
    (
        "assignment.completed",
        r#"{"event_kind":"assignment.completed","company_id":"99251ed7-4ef3-40bf-8b8c-55aa01b51a58","assignment_id":"664e7e2f-1b83-47a5-886f-19a2203b1181","user_id":"db87e3c9-4bd1-4417-80ed-ea443183649e","scenario_id":"8fd25f27-fd9f-44bb-8276-eb2d7a3eef49","session_id":"4dd7bb2c-51cd-45a8-8878-42fed4f87c77","scorecard_id":"2d5d04b2-de96-457f-84e0-b14ab62e7297","overall_score":87.5,"completed_at":"2026-05-19T13:42:08Z","delivery_id":"delivery_id_2a87fa742bb0"}"#,
    ),
];

// `Event`, `KINDS` and `parse` (events/src/lib.rs, `provider_events!`).
crate::provider_events! {
    /// `session.completed`: A rep ended a practice session. Fires when the scorecard
    /// finalizes.
    SessionCompleted = "session.completed",
    /// `session.scorecard_finalized`: Scorecard frozen. Full rubric + best/worst line in
    /// payload.
    SessionScorecardFinalized = "session.scorecard_finalized",
    /// `coaching.brief_delivered`: Weekly 1:1 brief sent. Contains the rep's celebrate +
    /// coach bullets.
    CoachingBriefDelivered = "coaching.brief_delivered",
    /// `coaching.streak_broken`: Rep's daily-practice streak ended. Fires on the check-in
    /// that detects the break.
    CoachingStreakBroken = "coaching.streak_broken",
    /// `badge.awarded`: New badge earned. One delivery per badge.
    BadgeAwarded = "badge.awarded",
    /// `real_call.imported`: Gong/Chorus call ingested and turned into a drill scenario.
    RealCallImported = "real_call.imported",
    /// `churn_retro.published`: Sales Lab published a public churn retro; a cross-tenant
    /// broadcast.
    ChurnRetroPublished = "churn_retro.published",
    /// `realtime.autopop_ready`: A rep generated the CRM autopop for a finished realtime
    /// call.
    RealtimeAutopopReady = "realtime.autopop_ready",
    /// `coverage.subscription_activated`: A Skill Insurance subscription became active;
    /// once per activation.
    CoverageSubscriptionActivated = "coverage.subscription_activated",
    /// `wage_index.published`: A wage index snapshot was published as a quarterly issue; a
    /// cross-tenant broadcast with the full snapshot.
    WageIndexPublished = "wage_index.published",
    /// `tournament.match_completed`: A tournament match was reported and finalized.
    TournamentMatchCompleted = "tournament.match_completed",
    /// `score.tier_changed`: A rep crossed a Sales Lab Score tier boundary on the nightly
    /// recompute.
    ScoreTierChanged = "score.tier_changed",
    /// `assignment.completed`: An open assignment matched a scored session for its rep +
    /// scenario and closed automatically.
    AssignmentCompleted = "assignment.completed",
}
