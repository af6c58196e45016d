-- PrestaShop tables as the seed's receivable queries use them (PrestaShop 1.6/1.7 columns, plus the
-- hosts' own slip columns other_cost_amount, shipping_method and tax_cost_amount from seed 000).
CREATE TABLE ps_currency (
  id_currency int unsigned NOT NULL AUTO_INCREMENT,
  name varchar(64) NOT NULL,
  iso_code varchar(3) NOT NULL DEFAULT '0',
  conversion_rate decimal(13,6) NOT NULL,
  deleted tinyint unsigned NOT NULL DEFAULT 0,
  active tinyint unsigned NOT NULL DEFAULT 1,
  PRIMARY KEY (id_currency),
  KEY currency_iso_code (iso_code)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4;

CREATE TABLE ps_orders (
  id_order int unsigned NOT NULL AUTO_INCREMENT,
  reference varchar(9) DEFAULT NULL,
  id_shop_group int unsigned NOT NULL DEFAULT 1,
  id_shop int unsigned NOT NULL DEFAULT 1,
  id_carrier int unsigned NOT NULL DEFAULT 0,
  id_lang int unsigned NOT NULL DEFAULT 1,
  id_customer int unsigned NOT NULL,
  id_cart int unsigned NOT NULL,
  id_currency int unsigned NOT NULL,
  id_address_delivery int unsigned NOT NULL DEFAULT 0,
  id_address_invoice int unsigned NOT NULL DEFAULT 0,
  current_state int unsigned NOT NULL DEFAULT 0,
  secure_key varchar(32) NOT NULL DEFAULT '-1',
  payment varchar(255) NOT NULL,
  conversion_rate decimal(13,6) NOT NULL DEFAULT 1.000000,
  module varchar(255) DEFAULT NULL,
  total_discounts decimal(20,6) NOT NULL DEFAULT 0.000000,
  total_paid decimal(20,6) NOT NULL DEFAULT 0.000000,
  total_paid_tax_incl decimal(20,6) NOT NULL DEFAULT 0.000000,
  total_paid_tax_excl decimal(20,6) NOT NULL DEFAULT 0.000000,
  total_paid_real decimal(20,6) NOT NULL DEFAULT 0.000000,
  total_products decimal(20,6) NOT NULL DEFAULT 0.000000,
  total_shipping decimal(20,6) NOT NULL DEFAULT 0.000000,
  invoice_number int unsigned NOT NULL DEFAULT 0,
  valid tinyint unsigned NOT NULL DEFAULT 0,
  date_add datetime NOT NULL,
  date_upd datetime NOT NULL,
  PRIMARY KEY (id_order),
  KEY reference (reference),
  KEY date_add (date_add)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4;

CREATE TABLE ps_order_history (
  id_order_history int unsigned NOT NULL AUTO_INCREMENT,
  id_employee int unsigned NOT NULL DEFAULT 0,
  id_order int unsigned NOT NULL,
  id_order_state int unsigned NOT NULL,
  date_add datetime NOT NULL,
  PRIMARY KEY (id_order_history),
  KEY order_history_order (id_order),
  KEY id_order_state (id_order_state)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4;

CREATE TABLE ps_order_payment (
  id_order_payment int NOT NULL AUTO_INCREMENT,
  order_reference varchar(9) DEFAULT NULL,
  id_currency int unsigned NOT NULL,
  amount decimal(10,2) NOT NULL,
  payment_method varchar(255) DEFAULT NULL,
  conversion_rate decimal(13,6) NOT NULL DEFAULT 1.000000,
  transaction_id varchar(254) DEFAULT NULL,
  card_number varchar(254) DEFAULT NULL,
  card_brand varchar(254) DEFAULT NULL,
  card_expiration char(7) DEFAULT NULL,
  card_holder varchar(254) DEFAULT NULL,
  date_add datetime NOT NULL,
  PRIMARY KEY (id_order_payment),
  KEY order_reference (order_reference)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4;

CREATE TABLE ps_order_slip (
  id_order_slip int unsigned NOT NULL AUTO_INCREMENT,
  conversion_rate decimal(13,6) NOT NULL DEFAULT 1.000000,
  id_customer int unsigned NOT NULL,
  id_order int unsigned NOT NULL,
  total_products_tax_excl decimal(20,6) DEFAULT NULL,
  total_products_tax_incl decimal(20,6) DEFAULT NULL,
  total_shipping_tax_excl decimal(20,6) DEFAULT NULL,
  total_shipping_tax_incl decimal(20,6) DEFAULT NULL,
  shipping_cost tinyint unsigned NOT NULL DEFAULT 0,
  amount decimal(20,6) NOT NULL,
  shipping_cost_amount decimal(20,6) NOT NULL DEFAULT 0.000000,
  partial tinyint(1) NOT NULL DEFAULT 0,
  order_slip_type tinyint unsigned NOT NULL DEFAULT 0,
  other_cost_amount decimal(20,6) NOT NULL DEFAULT 0.000000,
  shipping_method decimal(20,6) NOT NULL DEFAULT 0.000000,
  tax_cost_amount decimal(20,6) NOT NULL DEFAULT 0.000000,
  date_add datetime NOT NULL,
  date_upd datetime NOT NULL,
  PRIMARY KEY (id_order_slip),
  KEY order_slip_customer (id_customer),
  KEY id_order (id_order)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4;
