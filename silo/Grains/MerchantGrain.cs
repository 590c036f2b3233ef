using CreditGrid.Core;
using CreditGrid.Core.Grid;
using CreditGrid.Core.Merchants;

namespace CreditGrid.Silo.Grains;

[GenerateSerializer]
public sealed class MerchantState
{
    [Id(0)] public bool Registered { get; set; }
    [Id(1)] public string? Name { get; set; }
    [Id(2)] public string? Street { get; set; }
    [Id(3)] public DateOnly? RegisteredAt { get; set; }
    [Id(4)] public string? Color { get; set; }
    [Id(5)] public long Version { get; set; }
}

/// <summary>
/// A shop on a pilot integrity street (L3314-L3347). Its credit records live on the enterprise of the same code;
/// the merchant adds its street and its colour (domain-rules §7).
/// </summary>
public sealed class MerchantGrain([PersistentState("merchant", "credit")] IPersistentState<MerchantState> state, GridClock clock)
    : Grain, IMerchantGrain
{
    private string Id => GrainKeys.IdOf(this.GetPrimaryKeyString());
    private IEnterpriseGrain Enterprise => GrainFactory.GetGrain<IEnterpriseGrain>(GrainKeys.Of(SubjectKind.Enterprise, Id));

    public async Task<bool> Register(SubjectRegistration registration)
    {
        var created = !state.State.Registered;
        state.State.Registered = true;
        state.State.Name = registration.Name ?? state.State.Name;
        state.State.Street = registration.Street ?? state.State.Street;
        state.State.RegisteredAt = registration.RegisteredAt ?? state.State.RegisteredAt ?? clock.Today;
        state.State.Version++;
        await state.WriteStateAsync();
        // http-api: registering a merchant also registers (if absent) the enterprise record of the same code.
        if (!await Enterprise.IsRegistered())
            await Enterprise.Register(registration with { Street = null, LegalRepresentatives = registration.LegalRepresentatives });
        await Enterprise.FollowAsMerchant();
        return created;
    }

    public async Task<SubjectView?> View(DateOnly? asOf)
    {
        if (!state.State.Registered) return null;
        var enterprise = await Enterprise.View(asOf);
        if (enterprise is null) return null;
        return enterprise with
        {
            Kind = SubjectKind.Merchant,
            Name = state.State.Name ?? enterprise.Name,
            Street = state.State.Street,
            Color = ColorOf(enterprise.Evaluation.Grade ?? "A", asOf ?? clock.Today).ToWire(),
        };
    }

    public async Task EnterpriseChanged(EvaluationChange change)
    {
        if (!state.State.Registered) return;
        var color = ColorOf(change.Grade ?? "A", clock.Today).ToWire();
        var previous = state.State.Color;
        state.State.Color = color;
        state.State.Version++;
        await state.WriteStateAsync();
        await this.GetStreamProvider(GridStreams.Provider)
            .GetStream<EvaluationChange>(StreamId.Create(GridStreams.Changes, SubjectKind.Merchant.ToWire()))
            .OnNextAsync(change with
            {
                Kind = SubjectKind.Merchant,
                Name = state.State.Name ?? change.Name,
                Color = color,
                PreviousColor = previous,
                Street = state.State.Street,
                Version = state.State.Version,
            });
    }

    /// <summary>§7 colour; inspections, complaints and expulsion arrive with the merchant-street features.</summary>
    private static MerchantColor ColorOf(string grade, DateOnly asOf) => MerchantColors.Evaluate(grade, [], [], false, asOf);
}
