package dev.vendorrisk.assessor.profile;

import java.util.List;

/**
 * One service bought from one vendor, as described by a profile file ({@code schemaVersion: 1}).
 * A null fact means "not known". Absent sections are replaced by their all-unknown instance,
 * so rules can navigate them without null checks; {@code incidents} stays null when unknown.
 */
public record VendorProfile(
        Integer schemaVersion,
        Vendor vendor,
        Service service,
        Company company,
        Support support,
        Sla sla,
        Operations operations,
        Continuity continuity,
        Contract contract,
        Security security,
        List<Incident> incidents,
        AssessmentInfo assessment) {

    public VendorProfile {
        vendor = vendor == null ? new Vendor(null, null, null) : vendor;
        service = service == null ? Service.UNKNOWN : service;
        company = company == null ? Company.UNKNOWN : company;
        support = support == null ? Support.UNKNOWN : support;
        sla = sla == null ? Sla.UNKNOWN : sla;
        operations = operations == null ? Operations.UNKNOWN : operations;
        continuity = continuity == null ? Continuity.UNKNOWN : continuity;
        contract = contract == null ? Contract.UNKNOWN : contract;
        security = security == null ? Security.UNKNOWN : security;
        incidents = Lists.copy(incidents);
        assessment = assessment == null ? AssessmentInfo.UNKNOWN : assessment;
    }
}
