//! Salesbooth: the main deal, payment and subscription events of seed 003 (of its ~150).
//! The template is `data`, with the document's key fields; the provider wraps it in
//! `{id, event, timestamp, tenant_id, data}`.

use super::Event;

pub const EVENTS: &[Event] = &[
    Event {
        kind: "deal.created",
        template: r#"{"deal_id":"@id@","customer_id":"@uuid@","total":4200.00,"currency":"USD","status":"pending"}"#,
    },
    Event {
        kind: "deal.updated",
        template: r#"{"deal_id":"@id@","changes":{"total":{"from":4200.00,"to":3900.00}},"updated_by":"@uuid@"}"#,
    },
    Event {
        kind: "deal.status_changed",
        template: r#"{"deal_id":"@id@","from_status":"pending","to_status":"won"}"#,
    },
    Event {
        kind: "deal.closed",
        template: r#"{"deal_id":"@id@","reason":"customer_cancelled","cancelled_by":"@uuid@"}"#,
    },
    Event {
        kind: "deal.fulfilled",
        template: r#"{"deal_id":"@id@","fulfilled_at":"@now@"}"#,
    },
    Event {
        kind: "deal.signature_added",
        template: r#"{"deal_id":"@id@","signed_at":"@now@","signer_email":"buyer@@example.com"}"#,
    },
    Event {
        kind: "payment.received",
        template: r#"{"deal_id":"@id@","amount":4200.00,"currency":"USD","payment_method":"card"}"#,
    },
    Event {
        kind: "deal.payment_received",
        template: r#"{"deal_id":"@id@","amount":4200.00,"currency":"USD"}"#,
    },
    Event {
        kind: "deal.payment_failed",
        template: r#"{"deal_id":"@id@","failure_code":"card_declined","failure_message":"Your card was declined."}"#,
    },
    Event {
        kind: "deal.payment_refunded",
        template: r#"{"deal_id":"@id@","refund_amount":4200.00,"reason":"requested_by_customer"}"#,
    },
    Event {
        kind: "subscription.created",
        template: r#"{"subscription_id":"@id@","customer_id":"@uuid@","plan":"growth","interval":"month"}"#,
    },
    Event {
        kind: "subscription.renewed",
        template: r#"{"subscription_id":"@id@","period_start":"@now@","amount":490.00,"currency":"USD"}"#,
    },
    Event {
        kind: "subscription.cancelled",
        template: r#"{"subscription_id":"@id@","cancelled_at":"@now@","reason":"too_expensive"}"#,
    },
    Event {
        kind: "subscription.payment_failed",
        template: r#"{"subscription_id":"@id@","failure_code":"insufficient_funds","attempt":1}"#,
    },
];
