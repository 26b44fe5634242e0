"""The C++ module's plain columns made into pandas data frames (docs/python.md)."""

import pandas as pd


def table_frame(table, leading=None):
    """One day table (a dict from _borderflow) as a data frame.

    Columns: `leading` (e.g. point and replication, each a scalar or a list), then `date`
    (datetime64, midnight of the day), the sector or crossing key where the table has one,
    then the value columns in the output schema's order, the same as the CSV files'.
    """
    data = dict(leading or {})
    data["date"] = pd.to_datetime(table["dates"], format="%Y-%m-%d")
    if table["key_name"]:
        data[table["key_name"]] = table["keys"]
    for name, values in table["columns"]:
        data[name] = values
    return pd.DataFrame(data)


def with_units(frame, units):
    """Records each column's unit (from the output schema) in frame.attrs["units"]."""
    frame.attrs["units"] = {c: units[c] for c in frame.columns if c in units}
    return frame


def long_frame(runs, table, points):
    """Every replication's `table` ("days" or "sectors") stacked: point, the sweep's
    parameter columns (from `points`, a frame indexed by point), replication, then the
    table's columns."""
    frames = []
    for run in runs:
        leading = {"point": run["point"]}
        if points is not None:
            for name, value in points.loc[run["point"]].items():
                leading[name] = value
        leading["replication"] = run["replication"]
        frames.append(table_frame(run[table], leading))
    return pd.concat(frames, ignore_index=True)
