//! SalesOS: the deal, lead, user and gamification events of seed 002. The template is
//! `data`; the provider wraps it in `{id, type, created_at, data}`.

use super::Event;

const DEAL: &str = r#"{"id":"@id@","name":"Tech Corp - Enterprise License","value":82000,"stage":"Negotiation","owner_id":"@uuid@"}"#;
const LEAD: &str = r#"{"id":"@id@","name":"Dana Reyes","email":"dana@@example.com","status":"qualified","owner_id":"@uuid@"}"#;
const USER: &str =
    r#"{"id":"@id@","name":"Sam Ortiz","email":"sam@@example.com","role":"sales_rep"}"#;

pub const EVENTS: &[Event] = &[
    Event {
        kind: "deal.created",
        template: DEAL,
    },
    Event {
        kind: "deal.updated",
        template: DEAL,
    },
    Event {
        kind: "deal.stage_changed",
        template: r#"{"id":"@id@","name":"Tech Corp - Enterprise License","value":82000,"stage":"Negotiation","owner_id":"@uuid@","previous_stage":"Proposal"}"#,
    },
    Event {
        kind: "deal.won",
        template: r#"{"id":"@id@","name":"Tech Corp - Enterprise License","value":82000,"stage":"Closed Won","owner_id":"@uuid@","previous_stage":"Negotiation"}"#,
    },
    Event {
        kind: "deal.lost",
        template: r#"{"id":"@id@","name":"Tech Corp - Enterprise License","value":82000,"stage":"Closed Lost","owner_id":"@uuid@","previous_stage":"Negotiation"}"#,
    },
    Event {
        kind: "deal.deleted",
        template: r#"{"id":"@id@"}"#,
    },
    Event {
        kind: "lead.created",
        template: LEAD,
    },
    Event {
        kind: "lead.updated",
        template: LEAD,
    },
    Event {
        kind: "lead.status_changed",
        template: r#"{"id":"@id@","status":"qualified","previous_status":"new"}"#,
    },
    Event {
        kind: "lead.converted",
        template: r#"{"id":"@id@","deal_id":"@uuid@"}"#,
    },
    Event {
        kind: "lead.deleted",
        template: r#"{"id":"@id@"}"#,
    },
    Event {
        kind: "user.created",
        template: USER,
    },
    Event {
        kind: "user.activated",
        template: USER,
    },
    Event {
        kind: "user.updated",
        template: USER,
    },
    Event {
        kind: "user.deactivated",
        template: r#"{"id":"@id@"}"#,
    },
    Event {
        kind: "badge.earned",
        template: r#"{"user_id":"@id@","badge":"first_deal","earned_at":"@now@"}"#,
    },
    Event {
        kind: "ranking.changed",
        template: r#"{"user_id":"@id@","position":3,"previous_position":7}"#,
    },
    Event {
        kind: "challenge.completed",
        template: r#"{"user_id":"@id@","challenge_id":"@uuid@","goal":"10 calls in a day"}"#,
    },
];
