/**
 * Reminder notifiers: {@link io.settlekit.sms.TencentSmsNotifier} over Tencent Cloud SMS (API 2021-01-11)
 * and {@link io.settlekit.sms.WebhookNotifier}, a JSON POST for WeChat-style pushes. Phone numbers are
 * masked in every log line and message.
 *
 * <p>No parameter or result of this package's API is null unless its Javadoc says so; absent values are Optional.
 */
package io.settlekit.sms;
