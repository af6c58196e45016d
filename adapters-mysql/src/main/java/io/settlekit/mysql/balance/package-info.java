/** MySQL adapters of the balance context: the open Amazon MWS financial event groups. */
package io.settlekit.mysql.balance;
