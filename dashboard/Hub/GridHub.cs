using Microsoft.AspNetCore.SignalR;

namespace CreditGrid.Dashboard.Hub;

/// <summary>
/// /hubs/grid: operators' live feed. The server only pushes (merchantStatusChanged, scoreChanged, boardChanged,
/// emergencyChanged, changeLogged, gradesChanged); the authorization policy is set where the hub is mapped.
/// </summary>
public sealed class GridHub : Microsoft.AspNetCore.SignalR.Hub
{
    public override Task OnConnectedAsync()
    {
        Core.Grid.GridMetrics.HubConnections.Add(1);
        return base.OnConnectedAsync();
    }

    public override Task OnDisconnectedAsync(Exception? exception)
    {
        Core.Grid.GridMetrics.HubConnections.Add(-1);
        return base.OnDisconnectedAsync(exception);
    }
}

/// <summary>The server-to-client method names of the contract (http-api "Live dashboard").</summary>
public static class HubMethods
{
    public const string MerchantStatusChanged = "merchantStatusChanged";
    public const string ScoreChanged = "scoreChanged";
    public const string BoardChanged = "boardChanged";
    public const string EmergencyChanged = "emergencyChanged";
    public const string GradesChanged = "gradesChanged";
    public const string ChangeLogged = "changeLogged";
    /// <summary>Live messages were dropped: re-fetch boards, statistics and queues (issue 11, item 16).</summary>
    public const string Resync = "resync";
}
