import path from "node:path";
import { describe, expect, it } from "vitest";
import { databaseConfig, DEFAULT_DATABASE_URL } from "../../../db/config";

describe("DATABASE_URL", () => {
  it("defaults to an embedded SQLite file under ./data", () => {
    expect(databaseConfig(DEFAULT_DATABASE_URL)).toEqual({
      dialect: "sqlite",
      file: path.resolve("data/anchor.db"),
    });
  });

  it("accepts file: URLs and bare paths, relative or absolute", () => {
    expect(databaseConfig("file:/var/lib/anchor/a.db").file).toBe("/var/lib/anchor/a.db");
    expect(databaseConfig("other/b.db").file).toBe(path.resolve("other/b.db"));
  });

  it("refuses PostgreSQL for now, and unknown schemes, with a message", () => {
    expect(() => databaseConfig("postgres://u@localhost/anchor")).toThrow(/PostgreSQL/);
    expect(() => databaseConfig("mysql://u@localhost/anchor")).toThrow(/unsupported scheme: mysql/);
    expect(() => databaseConfig("file:")).toThrow(/names no file/);
  });
});
