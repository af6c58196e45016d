/** CSV reading shared by the settlement file parsers (FastCSV underneath), with the SDK's typed errors. */
package io.settlekit.formats.csv;
