-- The scenario of ReceivableSourceContract (local times in Asia/Shanghai).
INSERT INTO ps_currency (id_currency, name, iso_code, conversion_rate) VALUES (1, 'Euro', 'EUR', 1.0), (2, 'Yen', 'JPY', 160.0);

INSERT INTO ps_orders (id_order, reference, id_customer, id_cart, id_currency, payment, total_paid, date_add, date_upd) VALUES
  (1, 'FR-1', 11, 101, 1, 'PayPal', 89.90, '2025-03-14 10:00:00', '2025-03-14 10:00:00'),
  (2, 'FR-2', 12, 102, 1, 'PayPal', 25.00, '2025-03-14 09:00:00', '2025-03-14 09:00:00'),
  (3, 'FR-3', 13, 103, 1, 'Afterpay', 30.00, '2025-03-14 12:00:00', '2025-03-14 12:00:00'),
  (4, 'FR-4', 14, 104, 1, 'PayPal', 40.00, '2025-03-14 13:00:00', '2025-03-14 13:00:00'),
  (5, 'FR-5', 15, 105, 1, 'paypal', 10.00, '2025-03-13 23:59:59', '2025-03-13 23:59:59');

-- FR-1 and FR-5 reach state 2 (several history rows must not duplicate receivables); FR-4 never does
INSERT INTO ps_order_history (id_order, id_order_state, date_add) VALUES
  (1, 1, '2025-03-14 10:00:00'), (1, 2, '2025-03-14 10:00:01'), (1, 2, '2025-03-14 10:05:00'), (1, 4, '2025-03-15 09:00:00'),
  (2, 2, '2025-03-14 09:00:01'), (3, 2, '2025-03-14 12:00:01'), (4, 1, '2025-03-14 13:00:00'), (5, 2, '2025-03-14 00:00:01');

INSERT INTO ps_order_payment (order_reference, id_currency, amount, payment_method, transaction_id, date_add) VALUES
  ('FR-1', 1, 89.90, 'PayPal', 'SYNTX1', '2025-03-14 10:00:00'),
  ('FR-2', 1, 20.00, 'PAYPAL', 'SYNTX2', '2025-03-14 09:00:00'),
  ('FR-2', 1, 5.00, 'paypal', 'SYNTX3', '2025-03-14 11:00:00'),
  ('FR-3', 1, 30.00, 'Afterpay', 'AP-3', '2025-03-14 12:00:00'),
  ('FR-4', 1, 40.00, 'PayPal', 'SYNTX4', '2025-03-14 13:00:00'),
  ('FR-5', 1, 10.00, 'PayPal', 'SYNTX5', '2025-03-13 23:59:59');

INSERT INTO ps_order_slip (id_customer, id_order, amount, other_cost_amount, shipping_method, tax_cost_amount, date_add, date_upd) VALUES
  (11, 1, 10.000000, 1.000000, 2.000000, 0.500000, '2025-03-14 23:00:00', '2025-03-14 23:00:00'),
  (15, 5, 5.000000, 0, 0, 0, '2025-03-14 08:00:00', '2025-03-14 08:00:00'),
  (13, 3, 30.000000, 0, 0, 0, '2025-03-14 14:00:00', '2025-03-14 14:00:00'),
  (11, 1, 10.000000, 0, 0, 0, '2025-03-15 00:00:00', '2025-03-15 00:00:00');
