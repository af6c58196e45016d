/**
 * Reminder notifiers: {@link io.settlekit.sms.TencentSmsNotifier} over Tencent Cloud SMS (API 2021-01-11)
 * and {@link io.settlekit.sms.WebhookNotifier}, a JSON POST for WeChat-style pushes. Phone numbers are
 * masked in every log line and message.
 */
package io.settlekit.sms;
