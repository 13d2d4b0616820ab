import path from "node:path";
import { describe, expect, it } from "vitest";
import { databaseConfig, DEFAULT_DATABASE_URL, describeDatabase } from "../../../db/config";

describe("DATABASE_URL", () => {
  it("defaults to an embedded SQLite file under ./data", () => {
    expect(databaseConfig(DEFAULT_DATABASE_URL)).toEqual({
      dialect: "sqlite",
      file: path.resolve("data/anchor.db"),
    });
  });

  it("accepts file: URLs and bare paths, relative or absolute", () => {
    expect(databaseConfig("file:/var/lib/anchor/a.db")).toMatchObject({
      file: "/var/lib/anchor/a.db",
    });
    expect(databaseConfig("other/b.db")).toMatchObject({ file: path.resolve("other/b.db") });
  });

  it("selects PostgreSQL for postgres: URLs, with a pool sized by DATABASE_POOL_MAX", () => {
    expect(databaseConfig("postgres://u:secret@db.example:5433/anchor", undefined)).toEqual({
      dialect: "postgres",
      url: "postgres://u:secret@db.example:5433/anchor",
      poolMax: 10,
    });
    expect(databaseConfig("postgresql://u@localhost/anchor", "25")).toMatchObject({ poolMax: 25 });
    expect(() => databaseConfig("postgres://u@localhost/anchor", "none")).toThrow(
      /DATABASE_POOL_MAX/,
    );
  });

  it("describes PostgreSQL without the password", () => {
    const described = describeDatabase(
      databaseConfig("postgres://u:secret@db.example:5433/anchor"),
    );
    expect(described).toBe("PostgreSQL db.example:5433/anchor");
  });

  it("refuses unknown schemes, with a message", () => {
    expect(() => databaseConfig("mysql://u@localhost/anchor")).toThrow(/unsupported scheme: mysql/);
    expect(() => databaseConfig("file:")).toThrow(/names no file/);
  });
});
