using System.Data;
using System.Data.Common;

namespace HospitalOrleans.Storage.Tests.Support;

/// <summary>
/// Runs a query from the OrleansQuery table the way the 10.4.2 providers do: parameters typed by
/// their CLR type (int, long, string, DateTime, byte[]) or as AnsiString for addresses and grain
/// ids, DBNull for nulls, no transaction.
/// </summary>
public static class NamedQuery
{
    public static async Task<List<Dictionary<string, object?>>> RunAsync(
        DbConnection connection, string queryKey, params (string Name, object? Value)[] parameters)
    {
        string text;
        await using (var lookup = connection.CreateCommand())
        {
            lookup.CommandText = "SELECT QueryText FROM OrleansQuery WHERE QueryKey = @key";
            var key = lookup.CreateParameter();
            key.ParameterName = "key";
            key.Value = queryKey;
            lookup.Parameters.Add(key);
            text = (string?)await lookup.ExecuteScalarAsync() ?? throw new InvalidOperationException($"No query '{queryKey}'.");
        }

        await using var command = connection.CreateCommand();
        command.CommandText = text;
        foreach (var (name, value) in parameters)
        {
            var parameter = command.CreateParameter();
            parameter.ParameterName = name;
            parameter.Value = value ?? DBNull.Value;
            parameter.DbType = name is "Address" or "GrainId" ? DbType.AnsiString : DbTypeOf(name, value);
            command.Parameters.Add(parameter);
        }

        var rows = new List<Dictionary<string, object?>>();
        await using var reader = await command.ExecuteReaderAsync();
        do
        {
            while (await reader.ReadAsync())
            {
                var row = new Dictionary<string, object?>(StringComparer.OrdinalIgnoreCase);
                for (var i = 0; i < reader.FieldCount; i++)
                {
                    row[reader.GetName(i)] = reader.IsDBNull(i) ? null : reader.GetValue(i);
                }

                rows.Add(row);
            }
        }
        while (await reader.NextResultAsync());

        return rows;
    }

    private static DbType DbTypeOf(string name, object? value) => value switch
    {
        int => DbType.Int32,
        long => DbType.Int64,
        string => DbType.String,
        DateTime => DbType.DateTime,
        byte[] => DbType.Binary,
        // Nulls keep the declared type of the provider's parameter.
        null when name is "GrainStateVersion" => DbType.Int32,
        null when name is "PayloadBinary" => DbType.Binary,
        null => DbType.String,
        _ => throw new ArgumentException($"No DbType for {value.GetType()}."),
    };
}
